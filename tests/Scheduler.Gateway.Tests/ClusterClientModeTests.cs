using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Scheduler.Hosting;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The gateway as an Orleans cluster client (<c>Scheduler:ClusterClient=true</c>): it hosts no grains, serves the API
/// through a silo's gateway port (the Orleans Dashboard too), and once no silo answers it is not ready and answers calls with 503 and Retry-After.
/// </summary>
public sealed class ClusterClientModeTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ClusterClient_SiloRunningThenStopped_ServesThroughTheSiloThenAnswers503WithRetryAfter()
    {
        var gatewayPort = FreePort.Next();
        using var silo = await StartSiloAsync(gatewayPort);
        await using var factory = new GatewayFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Scheduler:ClusterClient"] = "true",
            ["Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:Messaging:ResponseTimeout"] = "00:00:02",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("acme", ["recruiter"]));
        var unknown = new Uri("/v1/interview-requests/0123456789abcdef0123456789abcdef", UriKind.Relative);

        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        using (var read = await client.GetAsync(unknown))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode); // answered by the request grain on the silo
        }

        using (var admin = factory.CreateClient())
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("acme", ["admin"]));
            Assert.Equal(1, await DashboardTests.ActiveSilosAsync(admin)); // the dashboard reads the silo's data through the client
        }

        Assert.Null(factory.Services.GetService<ISiloStatusOracle>()); // no silo in the gateway
        await silo.StopAsync();

        using var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var failed = await client.GetAsync(unknown);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(2), failed.Headers.RetryAfter?.Delta);
    }

    /// <summary>
    /// Starts the product's silo (<see cref="ClusterHostingExtensions.AddSchedulerSilo"/>: SQLite, localhost
    /// clustering, TCP) on free ports, as the Silo project runs it.
    /// </summary>
    private async Task<IHost> StartSiloAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:ShutdownTimeout"] = "00:00:10",
        });
        builder.AddSchedulerSilo(Path.Combine(_data.Path, "silo.db"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public void Dispose() => _data.Dispose();
}
