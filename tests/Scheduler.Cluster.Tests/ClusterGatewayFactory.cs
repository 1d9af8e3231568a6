using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// The gateway in process as a cluster client (<c>Scheduler:ClusterClient=true</c>): it hosts no silo, finds the
/// silos' gateways in the membership table on dynalite and sends every grain call into the cluster.
/// </summary>
/// <param name="cluster">The cluster it is a client of.</param>
/// <param name="dataDirectory">The gateway's data directory.</param>
public sealed class ClusterGatewayFactory(ChaosCluster cluster, string dataDirectory) : WebApplicationFactory<Program>
{
    /// <summary>The HS256 key the gateway accepts tokens signed with.</summary>
    public const string SigningKey = "cluster-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Scheduler:ClusterClient", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        foreach (var (key, value) in cluster.Settings(cluster.ServiceUrl))
        {
            builder.UseSetting(key, value);
        }
    }
}
