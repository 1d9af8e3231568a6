using System.Net;
using Orleans.Messaging;

namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>
/// The gateways a client may connect to: the proxy endpoints of the cluster's <c>Active</c> silos
/// that have a gateway (<c>ProxyPort</c> &gt; 0), read from the membership table.
/// </summary>
public sealed class DynamoDBGatewayListProvider : DynamoDBTableProvider<DynamoDBGatewayOptions>, IGatewayListProvider
{
    private readonly string _clusterId;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The table and connection (validated).</param>
    /// <param name="clusterOptions">The cluster id whose silos are listed.</param>
    /// <param name="gatewayOptions">The client's refresh period (<see cref="MaxStaleness"/>).</param>
    /// <param name="logger">The logger.</param>
    public DynamoDBGatewayListProvider(IOptions<DynamoDBGatewayOptions> options, IOptions<ClusterOptions> clusterOptions, IOptions<GatewayOptions> gatewayOptions, ILogger<DynamoDBGatewayListProvider> logger)
        : base(options.Value, logger)
    {
        _clusterId = clusterOptions.Value.ClusterId;
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
    }

    /// <summary>How often the client refreshes the list (Orleans' <c>GatewayOptions.GatewayListRefreshPeriod</c>).</summary>
    public TimeSpan MaxStaleness { get; }

    /// <summary>Always <see langword="true"/>: the list follows the membership table.</summary>
    public bool IsUpdatable => true;

    /// <inheritdoc/>
    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(CancellationToken.None);

    /// <summary>Checks (or creates, like the silos) the membership table.</summary>
    /// <param name="cancellationToken">Cancels the initialisation.</param>
    /// <returns>A task that completes when the table can be read.</returns>
    public Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken) => EnsureTableAsync(SiloInstanceItem.Schema, cancellationToken);

    /// <inheritdoc/>
    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    /// <summary>Reads the gateways: one query of the cluster's partition, filtered on status and proxy port.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Gateway URIs (<c>gwy.tcp://address:proxyPort/generation</c>).</returns>
    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var items = await DynamoDBRequests.QueryAllAsync(Client, new QueryRequest
        {
            TableName = Options.TableName,
            KeyConditionExpression = $"{SiloInstanceItem.DeploymentId} = :cluster",
            FilterExpression = $"{SiloInstanceItem.Status} = :active AND {SiloInstanceItem.ProxyPort} > :zero",
            ExpressionAttributeValues = new()
            {
                [":cluster"] = DynamoDBRequests.S(_clusterId),
                [":active"] = DynamoDBRequests.N((int)SiloStatus.Active),
                [":zero"] = DynamoDBRequests.N(0),
            },
        }, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => SiloAddress.New(
            IPAddress.Parse(i[SiloInstanceItem.Address].S),
            SiloInstanceItem.Int(i, SiloInstanceItem.ProxyPort),
            SiloInstanceItem.Int(i, SiloInstanceItem.Generation)).ToGatewayUri())];
    }
}
