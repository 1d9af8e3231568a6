using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Runtime.Client;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Testing;

/// <summary>
/// A cluster client of a <see cref="TestCluster"/> (what a gateway is in a deployment): it reads
/// the cluster's membership table, writes no row, hosts no grains, and sends every call over
/// HTTP/2 to the owning silo.
/// </summary>
public sealed class TestClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClusterClient(IHost host) => _host = host;

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The client's membership view.</summary>
    public ClusterMembershipSnapshot View => _host.Services.GetRequiredService<IClusterMembershipView>().Current;

    /// <summary>The client's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Stops and disposes the client.</summary>
    /// <returns>A task that completes when the client is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    internal static async Task<TestClusterClient> StartAsync(IMembershipTable membership, MembershipOptions membershipOptions, Action<ClusterClientBuilder> configure, Action<SiloOptions>? options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(membership);
        builder.Services.AddClusterClient(client =>
        {
            client.ConfigureMembership(o => o.TableRefreshPeriod = membershipOptions.TableRefreshPeriod);
            if (options is not null)
            {
                client.Configure(options);
            }

            configure(client);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestClusterClient(host);
    }
}
