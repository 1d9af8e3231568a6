using Microsoft.Extensions.DependencyInjection;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Web.Imports;
using Scheduler.Grains.Indexes;
using Scheduler.LoadDriver;
using Scheduler.Scheduling.Benchmarks;
using Scheduler.Testing;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// The import page's reads, the board's time to first render with a loaded tenant, and the server's cost of open boards:
/// <c>dotnet run -c Release --project bench/Scheduler.Web.Benchmarks -- [--requests 10000] [--interviewers 1000]
/// [--import-runs 5] [--html-runs 20] [--browser-runs 7] [--seconds 60] [--many 10] [--settle 30]</c>.
/// </summary>
internal static class WebBench
{
    private const string Tenant = "bench";

    public static async Task<int> Main(string[] args)
    {
        var requests = BenchArgs.Int(args, "--requests", 10_000);
        var interviewers = BenchArgs.Int(args, "--interviewers", 1_000);
        using var data = new TempDirectory();
        await using var gateway = new BenchGateway(data.Path);
        gateway.StartServer();

        // The tenant is loaded as the batch measurement loads it (participants, one autoBook batch), and settles.
        var token = gateway.Services.GetRequiredService<TokenIssuer>().Mint(Tenant, ["admin", "ats", "recruiter"], "web-bench", TimeSpan.FromHours(4)).Token;
        using (var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(10) })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await BatchScenario.RunAsync(new GatewayClient(http), new DriverOptions("batch", gateway.BaseAddress, Tenant, requests, interviewers, 0, 0, false, 0, 0));
        }

        var factory = gateway.Services.GetRequiredService<IGrainFactory>();
        await ImportReadReport.RunAsync(gateway, factory, gateway.Services.GetRequiredService<ImportRuns>(), Tenant, BenchArgs.Int(args, "--import-runs", 5));

        var session = await BoardSession.SignInAsync(gateway.BaseAddress, Tenant);
        try
        {
            var directory = factory.GetGrain<IRequestIndexDirectoryGrain>(Tenant);
            await FirstRenderReport.RunAsync(session, requests, BenchArgs.Int(args, "--html-runs", 20), BenchArgs.Int(args, "--browser-runs", 7), directory.Changed);
            await OpenBoardCostReport.RunAsync(gateway, session, BenchArgs.Int(args, "--seconds", 60), BenchArgs.Int(args, "--many", 10), BenchArgs.Int(args, "--settle", 30));
        }
        finally
        {
            await session.CloseAsync();
        }

        return 0;
    }
}
