namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>A key attribute: its name and scalar type.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The scalar type (<c>S</c> or <c>N</c>).</param>
internal sealed record DynamoDBKeyAttribute(string Name, ScalarAttributeType Type);

/// <summary>A global secondary index that projects all attributes.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Hash">The index's partition key.</param>
/// <param name="Range">The index's sort key.</param>
internal sealed record DynamoDBIndexSchema(string Name, DynamoDBKeyAttribute Hash, DynamoDBKeyAttribute Range);

/// <summary>What a provider needs of its table: the key schema, the secondary indexes and the TTL attribute.</summary>
/// <param name="Hash">The partition key.</param>
/// <param name="Range">The sort key.</param>
/// <param name="Indexes">The global secondary indexes (all attributes projected).</param>
/// <param name="TimeToLiveAttribute">The attribute DynamoDB's TTL reads (epoch seconds), or <see langword="null"/> for no TTL.</param>
internal sealed record DynamoDBTableSchema(
    DynamoDBKeyAttribute Hash,
    DynamoDBKeyAttribute Range,
    IReadOnlyList<DynamoDBIndexSchema> Indexes,
    string? TimeToLiveAttribute = null)
{
    /// <summary>Every attribute used in a key of the table or of an index, once.</summary>
    public IEnumerable<DynamoDBKeyAttribute> KeyAttributes =>
        new[] { Hash, Range }.Concat(Indexes.SelectMany(i => new[] { i.Hash, i.Range })).DistinctBy(a => a.Name);
}
