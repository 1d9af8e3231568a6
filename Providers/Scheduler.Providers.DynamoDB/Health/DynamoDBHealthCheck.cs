using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scheduler.Providers.DynamoDB.Health;

/// <summary>Readiness: <c>DescribeTable</c> of each configured table; healthy only when all exist and are <c>ACTIVE</c>.</summary>
public sealed class DynamoDBHealthCheck : IHealthCheck, IDisposable
{
    private readonly IReadOnlyList<string> _tables;
    private readonly AmazonDynamoDBClient _client;

    /// <summary>Creates the check.</summary>
    /// <param name="options">The connection and the tables (validated).</param>
    public DynamoDBHealthCheck(DynamoDBHealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = [.. options.TableNames];
        _client = DynamoDBClientFactory.Create(options);
    }

    /// <summary>Describes every table.</summary>
    /// <param name="context">The registration (its failure status is reported on failure).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Healthy, or the registration's failure status naming each table that is missing or not active (or the error).</returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        try
        {
            foreach (var table in _tables)
            {
                var description = await DynamoDBTableInitializer.DescribeAsync(_client, table, cancellationToken).ConfigureAwait(false);
                data[table] = description?.TableStatus?.Value ?? "MISSING";
            }
        }
        catch (AmazonDynamoDBException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "DynamoDB did not answer DescribeTable.", exception, data);
        }

        var notReady = data.Where(d => !Equals(d.Value, TableStatus.ACTIVE.Value)).Select(d => $"{d.Key} is {d.Value}").ToList();
        return notReady.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} DynamoDB tables are ACTIVE.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", notReady), data: data);
    }

    /// <summary>Disposes the DynamoDB client.</summary>
    public void Dispose() => _client.Dispose();
}
