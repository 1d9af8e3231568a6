using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Readiness probe: <c>DescribeTable</c> of the three tables; fails unless all exist and are <c>ACTIVE</c>.</summary>
internal sealed class DynamoDbHealthProbe(DynamoDbConnection connection) : IStorageHealthProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { connection.Options.GrainStateTableName, connection.Options.ReminderTableName, connection.Options.MembershipTableName })
        {
            var status = await DynamoDbTables.StatusAsync(connection.Client, table, cancellationToken).ConfigureAwait(false);
            if (status != Amazon.DynamoDBv2.TableStatus.ACTIVE)
            {
                throw new InvalidOperationException($"DynamoDB table {table} is {status?.Value ?? "missing"}.");
            }
        }
    }
}
