using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Gateway.Hosting;
using Scheduler.Testing;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// The gateway on its embedded default (one process: Kestrel, the silo, SQLite under a temporary directory), on a loopback
/// port a browser can reach, in the Production environment with the local sign-in on (<c>Scheduler:Demo</c>), logging at
/// Warning, with <see cref="Calls"/> counting every grain call the silo receives.
/// </summary>
internal sealed class BenchGateway : WebApplicationFactory<GatewayOptions>
{
    private const string SigningKey = "web-bench-signing-key-0123456789abcdef01234";
    private readonly string _dataDirectory;

    public BenchGateway(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        // The gateway's own folder is its content root (the factory finds it this way outside a test project).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SCHEDULER_GATEWAY", Path.Combine(RepositoryRoot(), "Gateway"));
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        UseKestrel(port);
    }

    public Uri BaseAddress { get; }

    public GrainCallCounter Calls { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", _dataDirectory);
        builder.UseSetting("Scheduler:Demo", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("urls", BaseAddress.ToString());
        builder.UseEnvironment("Production");
        // The framework's script is found through the build's static web assets manifest (a published gateway serves it from wwwroot).
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IIncomingGrainCallFilter>(Calls);
        });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Scheduler.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Scheduler.slnx) was not found.");
    }
}
