using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Readiness probe: <c>DescribeTable</c> of both tables; fails unless both exist and are <c>ACTIVE</c>.</summary>
internal sealed class DynamoDbHealthProbe(DynamoDbConnection connection) : IStorageHealthProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { connection.Options.GrainStateTableName, connection.Options.ReminderTableName })
        {
            var status = await DynamoDbTables.StatusAsync(connection.Client, table, cancellationToken).ConfigureAwait(false);
            if (status != Amazon.DynamoDBv2.TableStatus.ACTIVE)
            {
                throw new InvalidOperationException($"DynamoDB table {table} is {status?.Value ?? "missing"}.");
            }
        }
    }
}
