using Scheduler.Providers.DynamoDB.Common;

namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>Options of <see cref="DynamoDBMembershipTable"/> (silos).</summary>
public sealed class DynamoDBClusteringOptions : DynamoDBTableOptions
{
    /// <summary>The official provider's default table name.</summary>
    public const string DefaultTableName = "OrleansSilos";

    /// <summary>Creates the options with table <see cref="DefaultTableName"/>.</summary>
    public DynamoDBClusteringOptions()
        : base(DefaultTableName)
    {
    }
}

/// <summary>Options of <see cref="DynamoDBGatewayListProvider"/> (clients): the same table as the silos'.</summary>
public sealed class DynamoDBGatewayOptions : DynamoDBTableOptions
{
    /// <summary>Creates the options with table <see cref="DynamoDBClusteringOptions.DefaultTableName"/>.</summary>
    public DynamoDBGatewayOptions()
        : base(DynamoDBClusteringOptions.DefaultTableName)
    {
    }
}
