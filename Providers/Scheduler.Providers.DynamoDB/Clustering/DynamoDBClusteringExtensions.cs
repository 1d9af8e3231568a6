using Orleans.Messaging;

namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>Registers DynamoDB clustering on silos (membership) and clients (gateway list).</summary>
public static class DynamoDBClusteringExtensions
{
    /// <summary>Uses the DynamoDB membership table (<see cref="DynamoDBMembershipTable"/>) for the silo's cluster.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureOptions">Sets the options (table, endpoint, credentials, ...).</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder UseDynamoDBClustering(this ISiloBuilder builder, Action<DynamoDBClusteringOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        DynamoDBOptionsValidator.Configure(builder.Services, configureOptions, "DynamoDB clustering");
        builder.Services.AddSingleton<IMembershipTable, DynamoDBMembershipTable>();
        return builder;
    }

    /// <summary>Finds the cluster's gateways in the DynamoDB membership table (<see cref="DynamoDBGatewayListProvider"/>).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configureOptions">Sets the options (the silos' table, endpoint, credentials, ...).</param>
    /// <returns>The builder.</returns>
    public static IClientBuilder UseDynamoDBClustering(this IClientBuilder builder, Action<DynamoDBGatewayOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        DynamoDBOptionsValidator.Configure(builder.Services, configureOptions, "DynamoDB gateway list");
        builder.Services.AddSingleton<IGatewayListProvider, DynamoDBGatewayListProvider>();
        return builder;
    }
}
