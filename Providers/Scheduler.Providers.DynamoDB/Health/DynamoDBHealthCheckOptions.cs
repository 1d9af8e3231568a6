using Scheduler.Providers.DynamoDB.Clustering;
using Scheduler.Providers.DynamoDB.Reminders;
using Scheduler.Providers.DynamoDB.Storage;

namespace Scheduler.Providers.DynamoDB.Health;

/// <summary>Options of <see cref="DynamoDBHealthCheck"/>: the connection and the tables that must be <c>ACTIVE</c>.</summary>
public sealed class DynamoDBHealthCheckOptions : DynamoDBClientOptions
{
    /// <summary>The tables to describe. Default: the official default names of the membership, grain-state and reminder tables.</summary>
    public IList<string> TableNames { get; } =
        [DynamoDBClusteringOptions.DefaultTableName, DynamoDBStorageOptions.DefaultTableName, DynamoDBReminderStorageOptions.DefaultTableName];

    /// <inheritdoc/>
    internal override IEnumerable<string> Problems()
    {
        foreach (var problem in base.Problems())
        {
            yield return problem;
        }

        if (TableNames.Count == 0 || TableNames.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{nameof(TableNames)} must name at least one table, and no empty name.";
        }
    }
}
