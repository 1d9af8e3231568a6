namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>
/// The part every provider that owns one DynamoDB table shares (membership, gateway list, reminders, grain storage,
/// key ring): its validated options, the client created from them (disposed with the provider), its logger, the
/// check or creation of its table (<see cref="DynamoDBTableOptions.CreateIfNotExists"/>), and its strongly consistent
/// reads of one item or one partition.
/// </summary>
/// <typeparam name="TOptions">The provider's options: the table and the connection.</typeparam>
public abstract class DynamoDBTableProvider<TOptions> : IDisposable
    where TOptions : DynamoDBTableOptions
{
    /// <summary>Keeps the options and the logger and creates the client.</summary>
    /// <param name="options">The table and connection (validated).</param>
    /// <param name="logger">The provider's logger.</param>
    private protected DynamoDBTableProvider(TOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Logger = logger;
        Client = DynamoDBClientFactory.Create(options);
    }

    /// <summary>The table and connection.</summary>
    private protected TOptions Options { get; }

    /// <summary>The provider's logger.</summary>
    private protected ILogger Logger { get; }

    /// <summary>The DynamoDB client.</summary>
    private protected AmazonDynamoDBClient Client { get; }

    /// <summary>Disposes the DynamoDB client.</summary>
    public virtual void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Checks the table against <paramref name="schema"/>, or creates it when it is missing and creation is allowed.</summary>
    /// <param name="schema">The keys, indexes and TTL attribute the provider needs.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    private protected Task EnsureTableAsync(DynamoDBTableSchema schema, CancellationToken cancellationToken) =>
        DynamoDBTableInitializer.EnsureAsync(Client, Options, schema, Logger, cancellationToken);

    /// <summary>Reads one item by its primary key, strongly consistent.</summary>
    /// <param name="key">The item's primary key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/> when there is none.</returns>
    private protected async Task<Dictionary<string, AttributeValue>?> GetItemAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var response = await Client.GetItemAsync(new GetItemRequest { TableName = Options.TableName, Key = key, ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Reads every item of one partition, strongly consistent, to the last page.</summary>
    /// <param name="partitionKey">The table's partition key attribute.</param>
    /// <param name="value">The partition (a string key).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The partition's items, in sort-key order.</returns>
    private protected Task<List<Dictionary<string, AttributeValue>>> QueryPartitionAsync(string partitionKey, string value, CancellationToken cancellationToken) =>
        DynamoDBRequests.QueryAllAsync(Client, new QueryRequest
        {
            TableName = Options.TableName,
            KeyConditionExpression = $"{partitionKey} = :partition",
            ExpressionAttributeValues = new() { [":partition"] = DynamoDBRequests.S(value) },
            ConsistentRead = true,
        }, cancellationToken);
}
