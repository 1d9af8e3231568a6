namespace Scheduler.Providers.DynamoDB.Storage;

/// <summary>The official grain-state table's layout: attribute names, keys and schema.</summary>
internal static class GrainStateTable
{
    /// <summary>Partition key: <c>{serviceId}_{grainId}</c> (S).</summary>
    public const string GrainReference = "GrainReference";

    /// <summary>Sort key: the state name (S).</summary>
    public const string GrainType = "GrainType";

    /// <summary>The serialized state (B), or NULL after a clear.</summary>
    public const string GrainState = "GrainState";

    /// <summary>The version (N): 0 on the first write, +1 on every later write or clear.</summary>
    public const string ETag = "ETag";

    /// <summary>Expiry time for DynamoDB's TTL (N, epoch seconds), when configured.</summary>
    public const string GrainTtl = "GrainTtl";

    /// <summary>The table's keys; no secondary indexes.</summary>
    /// <param name="withTimeToLive">Whether DynamoDB's TTL is enabled on <see cref="GrainTtl"/> when the table is created.</param>
    /// <returns>The schema.</returns>
    public static DynamoDBTableSchema Schema(bool withTimeToLive) => new(
        new DynamoDBKeyAttribute(GrainReference, ScalarAttributeType.S),
        new DynamoDBKeyAttribute(GrainType, ScalarAttributeType.S),
        [],
        withTimeToLive ? GrainTtl : null);

    /// <summary>The primary key of a state.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state name.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A key is longer than DynamoDB allows (2048 bytes partition, 1024 bytes sort).</exception>
    public static Dictionary<string, AttributeValue> Key(string serviceId, GrainId grainId, string stateName)
    {
        var partition = $"{serviceId}_{grainId}";
        if (System.Text.Encoding.UTF8.GetByteCount(partition) > 2048)
        {
            throw new ArgumentException($"The partition key of grain {grainId} is longer than DynamoDB's 2048 bytes.", nameof(grainId));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(stateName) > 1024)
        {
            throw new ArgumentException($"State name '{stateName}' is longer than DynamoDB's 1024-byte sort key.", nameof(stateName));
        }

        return new() { [GrainReference] = DynamoDBRequests.S(partition), [GrainType] = DynamoDBRequests.S(stateName) };
    }
}
