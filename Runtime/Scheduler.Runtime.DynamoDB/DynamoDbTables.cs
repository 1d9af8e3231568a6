using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Creates the providers' tables when missing and waits until they are <c>ACTIVE</c>.</summary>
public static class DynamoDbTables
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Ensures a table with key schema <c>pk</c> (S, HASH) and <c>sk</c> (S, RANGE) exists and is
    /// <c>ACTIVE</c>: <c>DescribeTable</c>, then <c>CreateTable</c> (on-demand capacity,
    /// <c>PAY_PER_REQUEST</c>) if it is missing, then <c>DescribeTable</c> every 100 ms until
    /// <c>ACTIVE</c>. Safe to call from several processes at once. An existing table is not
    /// checked or changed.
    /// </summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="time">The clock used for polling delays and the timeout (pass the system clock: this waits on an external service).</param>
    /// <param name="timeout">How long to wait for <c>ACTIVE</c>.</param>
    /// <param name="logger">Logs creation; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the table is active.</returns>
    /// <exception cref="TimeoutException">The table was not active within <paramref name="timeout"/>.</exception>
    public static async Task EnsureTableAsync(IAmazonDynamoDB client, string tableName, TimeProvider time, TimeSpan timeout, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(time);
        logger ??= NullLogger.Instance;
        var started = time.GetTimestamp();
        var status = await StatusAsync(client, tableName, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            DynamoDbLog.CreatingTable(logger, tableName);
            try
            {
                await client.CreateTableAsync(Definition(tableName), cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceInUseException)
            {
                // Another process created it first.
            }
        }

        while (status != TableStatus.ACTIVE)
        {
            if (time.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"DynamoDB table {tableName} was not ACTIVE within {timeout} (last status: {status?.Value ?? "missing"}).");
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            status = await StatusAsync(client, tableName, cancellationToken).ConfigureAwait(false);
        }

        DynamoDbLog.TableActive(logger, tableName);
    }

    /// <summary>The table's status from <c>DescribeTable</c>, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, or <see langword="null"/>.</returns>
    public static async Task<TableStatus?> StatusAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return response.Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static CreateTableRequest Definition(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition { AttributeName = "pk", AttributeType = ScalarAttributeType.S },
            new AttributeDefinition { AttributeName = "sk", AttributeType = ScalarAttributeType.S },
        ],
        KeySchema =
        [
            new KeySchemaElement { AttributeName = "pk", KeyType = KeyType.HASH },
            new KeySchemaElement { AttributeName = "sk", KeyType = KeyType.RANGE },
        ],
    };
}
