using System.Text;

namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>
/// An item's size as DynamoDB counts it against its 400 KB limit: per attribute, the UTF-8 length
/// of the name plus the value (string: UTF-8 bytes; binary: bytes; number: at most 21 bytes;
/// null or boolean: 1 byte).
/// </summary>
internal static class DynamoDBItemSize
{
    /// <summary>DynamoDB's maximum item size: 400 KB (409,600 bytes), attribute names included.</summary>
    public const int MaxBytes = 400 * 1024;

    /// <summary>The size of an item, in bytes (an upper bound for numbers).</summary>
    /// <param name="item">The item's attributes.</param>
    /// <returns>The size in bytes.</returns>
    public static long Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Key) + ValueSize(a.Value));

    private static long ValueSize(AttributeValue value) => value switch
    {
        { S: not null } => Encoding.UTF8.GetByteCount(value.S),
        { B: not null } => value.B.Length,
        { N: not null } => 21,
        _ => 1,
    };
}
