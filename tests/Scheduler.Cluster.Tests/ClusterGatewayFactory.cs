using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// The gateway in process as a cluster client of a DynamoDB cluster: it hosts no silo, reads the
/// silos' membership table on dynalite and sends every grain call to the owning silo over HTTP/2.
/// </summary>
/// <param name="cluster">The cluster it joins as a client (service id, cluster id, dynalite, tables).</param>
/// <param name="dataDirectory">The gateway's data directory (data protection keys, shared with the silos).</param>
public sealed class ClusterGatewayFactory(DynamoDbTestCluster cluster, string dataDirectory) : WebApplicationFactory<Program>
{
    /// <summary>The HS256 key the gateway accepts tokens signed with.</summary>
    public const string SigningKey = "cluster-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Scheduler:ClusterClient", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Cluster:Provider", "DynamoDB");
        builder.UseSetting("Cluster:ServiceId", cluster.ServiceId);
        builder.UseSetting("Cluster:ClusterId", cluster.ClusterId);
        builder.UseSetting("Cluster:CallTimeout", DynamoDbTestCluster.CallTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:Membership:TableRefreshPeriod", DynamoDbTestCluster.Membership.TableRefreshPeriod.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:DynamoDB:ServiceUrl", cluster.ServiceUrl);
        builder.UseSetting("Cluster:DynamoDB:TablePrefix", DynamoDbTestCluster.TablePrefix);
    }
}
