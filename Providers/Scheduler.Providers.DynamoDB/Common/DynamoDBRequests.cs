namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Request shapes the providers share: paged queries, key-by-key deletes and conflict detection.</summary>
internal static class DynamoDBRequests
{
    /// <summary>Runs a query to its last page.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="request">The query; its <see cref="QueryRequest.ExclusiveStartKey"/> is advanced page by page.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Every item of every page, in the query's order.</returns>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(IAmazonDynamoDB client, QueryRequest request, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }

    /// <summary>Deletes items one key at a time (the sets deleted here are small: a cluster's silos, one service's test reminders).</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="keys">The items' primary keys.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>A task that completes when all are deleted.</returns>
    public static async Task DeleteAllAsync(IAmazonDynamoDB client, string tableName, IEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await client.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = key }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a cancelled transaction failed on a condition (another writer won), rather than on a conflict or error to report.</summary>
    /// <param name="exception">The cancellation.</param>
    /// <returns><see langword="true"/> when at least one item's condition failed.</returns>
    public static bool FailedOnCondition(TransactionCanceledException exception) =>
        exception.CancellationReasons is { Count: > 0 } reasons
            ? reasons.Any(r => r.Code == "ConditionalCheckFailed")
            : exception.Message.Contains("ConditionalCheckFailed", StringComparison.Ordinal);

    /// <summary>A string attribute.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static AttributeValue S(string value) => new() { S = value };

    /// <summary>A number attribute.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute, in invariant notation.</returns>
    public static AttributeValue N(long value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
