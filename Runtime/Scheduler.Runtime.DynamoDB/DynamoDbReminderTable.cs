using System.Collections.Concurrent;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// The reminder table in DynamoDB, partitioned by hash bucket so that a silo reads only the
/// buckets of the hash ranges it serves.
/// </summary>
/// <remarks>
/// Partition key <c>pk</c> = <c>{serviceId}/{bucket}</c> (bucket = top
/// <see cref="DynamoDbOptions.ReminderBucketBits"/> bits of the grain hash, decimal); sort key
/// <c>sk</c> = <c>{grainType}/{grainKey}/{reminderName}</c>. Attributes: <c>grainType</c>,
/// <c>grainKey</c>, <c>reminderName</c> (S), <c>grainHash</c> (N), <c>firstDue</c> and
/// <c>nextDue</c> (N, UTC ticks: 100 ns since 0001-01-01), <c>period</c> (N, ticks; 0 = one-shot),
/// <c>etag</c> (N, random 63-bit). Reads are strongly consistent.
/// </remarks>
public sealed class DynamoDbReminderTable : IReminderTable
{
    private const int MaxParallelBucketQueries = 8;

    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly string _serviceId;
    private readonly int _bucketBits;
    private readonly ILogger _logger;

    /// <summary>Creates the table provider over an existing table (see <see cref="DynamoDbTables.EnsureTableAsync"/>).</summary>
    /// <param name="client">The DynamoDB client; not disposed by the provider.</param>
    /// <param name="tableName">The table (key schema <c>pk</c> S HASH, <c>sk</c> S RANGE).</param>
    /// <param name="serviceId">The service id that prefixes every partition key.</param>
    /// <param name="bucketBits">Bucket bits, 1–16 (default 8); must stay the same for the table's lifetime.</param>
    /// <param name="logger">Logs conflicts at debug level; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucketBits"/> is outside 1–16.</exception>
    public DynamoDbReminderTable(IAmazonDynamoDB client, string tableName, string serviceId, int bucketBits = ReminderBuckets.DefaultBits, ILogger<DynamoDbReminderTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, ReminderBuckets.MinBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, ReminderBuckets.MaxBits);
        _client = client;
        _tableName = tableName;
        _serviceId = serviceId;
        _bucketBits = bucketBits;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <remarks>Queries every bucket overlapping the range (up to 8 at a time) and keeps the rows whose hash lies exactly in it.</remarks>
    public async Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var rows = new ConcurrentBag<ReminderEntry>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelBucketQueries, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ReminderBuckets.Overlapping(beginHash, endHash, _bucketBits), options, async (bucket, token) =>
        {
            var query = new QueryRequest
            {
                TableName = _tableName,
                ConsistentRead = true,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = PartitionKeyOf(bucket) } },
            };
            foreach (var item in await QueryAllAsync(query, token).ConfigureAwait(false))
            {
                var entry = ToEntry(item);
                if (HashRange.Contains(entry.GrainId.GetUniformHashCode(), beginHash, endHash))
                {
                    rows.Add(entry);
                }
            }
        }).ConfigureAwait(false);
        return [.. rows];
    }

    /// <inheritdoc />
    /// <remarks>One query of the grain's bucket with <c>begins_with(sk, "{grainType}/{grainKey}/")</c>, keeping exact grain matches.</remarks>
    public async Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var query = new QueryRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = PartitionKeyOf(grainId) },
                [":prefix"] = new() { S = $"{grainId.Type}/{grainId.Key}/" },
            },
        };
        var items = await QueryAllAsync(query, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(ToEntry).Where(e => e.GrainId == grainId).OrderBy(e => e.ReminderName, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = Key(grainId, reminderName), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is null || response.Item.Count == 0 ? null : ToEntry(response.Item);
    }

    /// <inheritdoc />
    /// <remarks>An unconditional <c>PutItem</c> with a new ETag.</remarks>
    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = DynamoDbETag.New();
        var item = Key(entry.GrainId, entry.ReminderName);
        item["grainType"] = new() { S = entry.GrainId.Type };
        item["grainKey"] = new() { S = entry.GrainId.Key };
        item["reminderName"] = new() { S = entry.ReminderName };
        item["grainHash"] = Number(entry.GrainId.GetUniformHashCode());
        item["firstDue"] = Number(entry.FirstDue.UtcTicks);
        item["period"] = Number(entry.Period.Ticks);
        item["nextDue"] = Number(entry.NextDue.UtcTicks);
        item["etag"] = DynamoDbETag.Attribute(etag);
        await _client.PutItemAsync(new PutItemRequest { TableName = _tableName, Item = item }, cancellationToken).ConfigureAwait(false);
        return DynamoDbETag.Format(etag);
    }

    /// <inheritdoc />
    /// <remarks>An <c>UpdateItem</c> conditional on <c>etag = :expected</c>.</remarks>
    public async Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedETag);
        if (!DynamoDbETag.TryParse(expectedETag, out var expected))
        {
            return null;
        }

        var etag = DynamoDbETag.New();
        try
        {
            await _client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _tableName,
                Key = Key(grainId, reminderName),
                UpdateExpression = "SET nextDue = :next, etag = :new",
                ConditionExpression = "etag = :expected",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":next"] = Number(nextDue.UtcTicks),
                    [":new"] = DynamoDbETag.Attribute(etag),
                    [":expected"] = DynamoDbETag.Attribute(expected),
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            DynamoDbLog.ReminderConflict(_logger, grainId.ToString(), reminderName, expectedETag);
            return null;
        }

        return DynamoDbETag.Format(etag);
    }

    /// <inheritdoc />
    /// <remarks>A <c>DeleteItem</c>, conditional on <c>etag = :expected</c> when an ETag is given; unconditional removal asks for the old item to tell whether a row existed.</remarks>
    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest { TableName = _tableName, Key = Key(grainId, reminderName) };
        if (expectedETag is null)
        {
            request.ReturnValues = ReturnValue.ALL_OLD;
            var response = await _client.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Attributes is { Count: > 0 };
        }

        if (!DynamoDbETag.TryParse(expectedETag, out var expected))
        {
            return false;
        }

        request.ConditionExpression = "etag = :expected";
        request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = DynamoDbETag.Attribute(expected) };
        try
        {
            await _client.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            DynamoDbLog.ReminderConflict(_logger, grainId.ToString(), reminderName, expectedETag);
            return false;
        }
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static ReminderEntry ToEntry(Dictionary<string, AttributeValue> item) => new(
        new GrainId(item["grainType"].S, item["grainKey"].S),
        item["reminderName"].S,
        new DateTimeOffset(ParseLong(item["firstDue"]), TimeSpan.Zero),
        TimeSpan.FromTicks(ParseLong(item["period"])),
        new DateTimeOffset(ParseLong(item["nextDue"]), TimeSpan.Zero),
        DynamoDbETag.Of(item));

    private static long ParseLong(AttributeValue value) => long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            if (response.Items is not null)
            {
                items.AddRange(response.Items);
            }

            query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (query.ExclusiveStartKey is not null);
        return items;
    }

    private string PartitionKeyOf(uint bucket) => string.Concat(_serviceId, "/", bucket.ToString(CultureInfo.InvariantCulture));

    private string PartitionKeyOf(GrainId grainId) => PartitionKeyOf(ReminderBuckets.Of(grainId.GetUniformHashCode(), _bucketBits));

    private Dictionary<string, AttributeValue> Key(GrainId grainId, string reminderName) => new()
    {
        ["pk"] = new() { S = PartitionKeyOf(grainId) },
        ["sk"] = new() { S = $"{grainId.Type}/{grainId.Key}/{reminderName}" },
    };
}
