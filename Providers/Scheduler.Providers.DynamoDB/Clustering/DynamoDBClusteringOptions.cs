namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>Options of <see cref="DynamoDBMembershipTable"/> (silos); the table is <see cref="DefaultTableName"/> unless set.</summary>
public sealed class DynamoDBClusteringOptions() : DynamoDBTableOptions(DefaultTableName)
{
    /// <summary>The official provider's default table name.</summary>
    public const string DefaultTableName = "OrleansSilos";
}

/// <summary>Options of <see cref="DynamoDBGatewayListProvider"/> (clients): the same table as the silos' (<see cref="DynamoDBClusteringOptions.DefaultTableName"/> unless set).</summary>
public sealed class DynamoDBGatewayOptions() : DynamoDBTableOptions(DynamoDBClusteringOptions.DefaultTableName);
