using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// Grain storage in one DynamoDB table: partition key <c>pk</c> = <c>{serviceId}/{grainType}/{grainKey}</c>,
/// sort key <c>sk</c> = state name; attributes <c>etag</c> (N, random 63-bit), <c>payload</c> (B)
/// and <c>modifiedAt</c> (N, Unix milliseconds UTC).
/// </summary>
/// <remarks>
/// Every write is a single conditional request (<c>attribute_not_exists(pk)</c> for inserts,
/// <c>etag = :expected</c> for replacements and deletes), so two activations of one grain can
/// never both succeed from the same version. Reads are strongly consistent. Items over
/// DynamoDB's 400 KB limit are refused before any request is sent.
/// </remarks>
public sealed class DynamoDbGrainStorage : IGrainStorage
{
    private const string PartitionKey = "pk";
    private const string SortKey = "sk";
    private const string ETagAttribute = "etag";
    private const string PayloadAttribute = "payload";
    private const string ModifiedAtAttribute = "modifiedAt";

    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly string _serviceId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the provider over an existing table (see <see cref="DynamoDbTables.EnsureTableAsync"/>).</summary>
    /// <param name="client">The DynamoDB client; not disposed by the provider.</param>
    /// <param name="tableName">The table (key schema <c>pk</c> S HASH, <c>sk</c> S RANGE).</param>
    /// <param name="serviceId">The service id that prefixes every partition key.</param>
    /// <param name="time">The clock for <c>modifiedAt</c>.</param>
    /// <param name="logger">Logs conflicts at debug level; <see langword="null"/> for none.</param>
    public DynamoDbGrainStorage(IAmazonDynamoDB client, string tableName, string serviceId, TimeProvider time, ILogger<DynamoDbGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _tableName = tableName;
        _serviceId = serviceId;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <remarks>A strongly consistent <c>GetItem</c>.</remarks>
    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = Key(grainId, stateName), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        var item = response.Item;
        if (item is null || item.Count == 0)
        {
            return null;
        }

        var payload = item.TryGetValue(PayloadAttribute, out var value) && value.B is not null ? value.B.ToArray() : [];
        return new GrainStateRecord(payload, DynamoDbETag.Of(item) ?? string.Empty);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A conditional <c>PutItem</c>. The item size (key, attribute names and payload) is checked
    /// against 400 KB before the request; <see cref="GrainStateTooLargeException"/> means nothing
    /// was sent.
    /// </remarks>
    public async Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedETag, CancellationToken cancellationToken)
    {
        var pk = PartitionKeyOf(grainId);
        var size = DynamoDbItemSize.String(PartitionKey, pk) + DynamoDbItemSize.String(SortKey, stateName)
            + DynamoDbItemSize.Binary(PayloadAttribute, payload.Length)
            + DynamoDbItemSize.Number(ETagAttribute) + DynamoDbItemSize.Number(ModifiedAtAttribute);
        if (size > DynamoDbItemSize.MaxBytes)
        {
            throw new GrainStateTooLargeException(
                $"State '{stateName}' of {grainId} would be a {size}-byte DynamoDB item; the limit is {DynamoDbItemSize.MaxBytes} bytes. Nothing was written.");
        }

        long expected = 0;
        if (expectedETag is not null && !DynamoDbETag.TryParse(expectedETag, out expected))
        {
            throw Conflict(grainId, stateName, storedETag: null, expectedETag, known: false);
        }

        var etag = DynamoDbETag.New();
        var request = new PutItemRequest
        {
            TableName = _tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                [PartitionKey] = new() { S = pk },
                [SortKey] = new() { S = stateName },
                [ETagAttribute] = DynamoDbETag.Attribute(etag),
                [PayloadAttribute] = new() { B = new MemoryStream(payload.ToArray(), writable: false) },
                [ModifiedAtAttribute] = new() { N = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
            },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        Condition(request, expectedETag is null ? null : expected);
        try
        {
            await _client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw await ConflictAsync(grainId, stateName, e, expectedETag, cancellationToken).ConfigureAwait(false);
        }

        return DynamoDbETag.Format(etag);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A conditional <c>DeleteItem</c>; with <paramref name="expectedETag"/> <see langword="null"/>
    /// the condition is <c>attribute_not_exists(pk)</c>, which succeeds without effect when no item
    /// exists and fails when one does.
    /// </remarks>
    public async Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken)
    {
        long expected = 0;
        if (expectedETag is not null && !DynamoDbETag.TryParse(expectedETag, out expected))
        {
            throw Conflict(grainId, stateName, storedETag: null, expectedETag, known: false);
        }

        var request = new DeleteItemRequest
        {
            TableName = _tableName,
            Key = Key(grainId, stateName),
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        if (expectedETag is null)
        {
            request.ConditionExpression = "attribute_not_exists(pk)";
        }
        else
        {
            request.ConditionExpression = "etag = :expected";
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = DynamoDbETag.Attribute(expected) };
        }

        try
        {
            await _client.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw await ConflictAsync(grainId, stateName, e, expectedETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Condition(PutItemRequest request, long? expected)
    {
        if (expected is null)
        {
            request.ConditionExpression = "attribute_not_exists(pk)";
            return;
        }

        request.ConditionExpression = "etag = :expected";
        request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = DynamoDbETag.Attribute(expected.Value) };
    }

    private string PartitionKeyOf(GrainId grainId) => string.Concat(_serviceId, "/", grainId.Type, "/", grainId.Key);

    private Dictionary<string, AttributeValue> Key(GrainId grainId, string stateName) => new()
    {
        [PartitionKey] = new() { S = PartitionKeyOf(grainId) },
        [SortKey] = new() { S = stateName },
    };

    /// <summary>
    /// The conflict for a failed condition. DynamoDB returns the stored item with the failure
    /// (<c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>); an endpoint that does not (dynalite)
    /// costs one extra strongly consistent read of the <c>etag</c> attribute, on the conflict path only.
    /// </summary>
    private async Task<InconsistentStateException> ConflictAsync(GrainId grainId, string stateName, ConditionalCheckFailedException failure, string? expectedETag, CancellationToken cancellationToken)
    {
        if (failure.Item is not null)
        {
            return Conflict(grainId, stateName, DynamoDbETag.Of(failure.Item), expectedETag, known: true);
        }

        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = Key(grainId, stateName), ConsistentRead = true, ProjectionExpression = ETagAttribute },
            cancellationToken).ConfigureAwait(false);
        return Conflict(grainId, stateName, DynamoDbETag.Of(response.Item), expectedETag, known: true);
    }

    private InconsistentStateException Conflict(GrainId grainId, string stateName, string? storedETag, string? expectedETag, bool known)
    {
        DynamoDbLog.WriteConflict(_logger, grainId.ToString(), stateName, storedETag, expectedETag);
        var stored = known ? storedETag ?? "(none)" : "(unknown)";
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} has version {stored}, not {expectedETag ?? "(none)"}; nothing was written.", storedETag, expectedETag);
    }
}
