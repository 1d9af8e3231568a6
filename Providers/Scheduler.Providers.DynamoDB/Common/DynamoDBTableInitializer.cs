namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>
/// Makes sure a provider's table exists with the schema it needs: checks an existing table, or
/// creates a missing one (when allowed) and waits until the table and its indexes are <c>ACTIVE</c>.
/// </summary>
internal static class DynamoDBTableInitializer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Ensures the table of <paramref name="options"/> exists, matches <paramref name="schema"/> and is <c>ACTIVE</c>.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="options">Table name, creation switch, capacity and timeout.</param>
    /// <param name="schema">The keys, indexes and TTL attribute the provider needs.</param>
    /// <param name="logger">Logs creation.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    /// <exception cref="InvalidOperationException">The table is missing and <see cref="DynamoDBTableOptions.CreateIfNotExists"/> is off, or its key schema or indexes differ from <paramref name="schema"/>.</exception>
    /// <exception cref="TimeoutException">The table was not <c>ACTIVE</c> within <see cref="DynamoDBTableOptions.TableActiveTimeout"/>.</exception>
    public static async Task EnsureAsync(IAmazonDynamoDB client, DynamoDBTableOptions options, DynamoDBTableSchema schema, ILogger logger, CancellationToken cancellationToken)
    {
        var table = await DescribeAsync(client, options.TableName, cancellationToken).ConfigureAwait(false);
        var created = false;
        if (table is null)
        {
            if (!options.CreateIfNotExists)
            {
                throw new InvalidOperationException($"DynamoDB table '{options.TableName}' does not exist and {nameof(DynamoDBTableOptions.CreateIfNotExists)} is false.");
            }

            DynamoDBLog.CreatingTable(logger, options.TableName);
            try
            {
                await client.CreateTableAsync(CreateRequest(options, schema), cancellationToken).ConfigureAwait(false);
                created = true;
            }
            catch (ResourceInUseException)
            {
                // Another silo created it first; wait for it like for our own.
            }
        }
        else
        {
            Check(table, options.TableName, schema);
        }

        table = await WaitUntilActiveAsync(client, options, cancellationToken).ConfigureAwait(false);
        Check(table, options.TableName, schema);
        if (created && schema.TimeToLiveAttribute is { } ttl)
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = options.TableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
            }, cancellationToken).ConfigureAwait(false);
        }

        DynamoDBLog.TableReady(logger, options.TableName);
    }

    /// <summary>The table's description, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The description or <see langword="null"/>.</returns>
    public static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task<TableDescription> WaitUntilActiveAsync(IAmazonDynamoDB client, DynamoDBTableOptions options, CancellationToken cancellationToken)
    {
        // The wait is on an external service, so it runs on the system clock even when the host's
        // TimeProvider is a test's fake one.
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        while (true)
        {
            var table = await DescribeAsync(client, options.TableName, cancellationToken).ConfigureAwait(false);
            if (table?.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return table;
            }

            if (time.GetElapsedTime(started) > options.TableActiveTimeout)
            {
                throw new TimeoutException($"DynamoDB table '{options.TableName}' was not ACTIVE within {options.TableActiveTimeout} (status: {table?.TableStatus?.Value ?? "missing"}).");
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Check(TableDescription table, string tableName, DynamoDBTableSchema schema)
    {
        if (!SameKeys(table.KeySchema, schema.Hash, schema.Range))
        {
            throw new InvalidOperationException(
                $"DynamoDB table '{tableName}' has key schema ({Describe(table.KeySchema)}); the provider needs ({schema.Hash.Name} HASH, {schema.Range.Name} RANGE).");
        }

        foreach (var index in schema.Indexes)
        {
            var existing = table.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == index.Name);
            if (existing is null || !SameKeys(existing.KeySchema, index.Hash, index.Range))
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{tableName}' lacks the global secondary index '{index.Name}' ({index.Hash.Name} HASH, {index.Range.Name} RANGE) that the provider queries.");
            }
        }
    }

    private static bool SameKeys(List<KeySchemaElement>? keys, DynamoDBKeyAttribute hash, DynamoDBKeyAttribute range) =>
        keys is { Count: 2 }
        && keys.Any(k => k.KeyType == KeyType.HASH && k.AttributeName == hash.Name)
        && keys.Any(k => k.KeyType == KeyType.RANGE && k.AttributeName == range.Name);

    private static string Describe(List<KeySchemaElement>? keys) =>
        string.Join(", ", (keys ?? []).Select(k => $"{k.AttributeName} {k.KeyType.Value}"));

    private static CreateTableRequest CreateRequest(DynamoDBTableOptions options, DynamoDBTableSchema schema)
    {
        var throughput = options.UseProvisionedThroughput
            ? new ProvisionedThroughput { ReadCapacityUnits = options.ReadCapacityUnits, WriteCapacityUnits = options.WriteCapacityUnits }
            : null;
        var request = new CreateTableRequest
        {
            TableName = options.TableName,
            BillingMode = options.UseProvisionedThroughput ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
            ProvisionedThroughput = throughput,
            AttributeDefinitions = [.. schema.KeyAttributes.Select(a => new AttributeDefinition { AttributeName = a.Name, AttributeType = a.Type })],
            KeySchema = KeySchema(schema.Hash, schema.Range),
        };
        if (schema.Indexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = [.. schema.Indexes.Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.Name,
                KeySchema = KeySchema(i.Hash, i.Range),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
                ProvisionedThroughput = throughput,
            })];
        }

        return request;
    }

    private static List<KeySchemaElement> KeySchema(DynamoDBKeyAttribute hash, DynamoDBKeyAttribute range) =>
    [
        new KeySchemaElement { AttributeName = hash.Name, KeyType = KeyType.HASH },
        new KeySchemaElement { AttributeName = range.Name, KeyType = KeyType.RANGE },
    ];
}
