using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// Version tags of DynamoDB items: random positive 63-bit numbers (attribute type <c>N</c>).
/// A counter would restart after a delete and could hand a stale writer the version it still
/// holds; with 2^63 values a repeat is negligible.
/// </summary>
internal static class DynamoDbETag
{
    public static long New() => Random.Shared.NextInt64(1, long.MaxValue);

    public static string Format(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    public static AttributeValue Attribute(long etag) => new() { N = Format(etag) };

    /// <summary>Parses an ETag this provider issued; anything else can never match a stored item.</summary>
    public static bool TryParse(string etag, out long value) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>The ETag of an item, or <see langword="null"/> when the item or attribute is missing.</summary>
    public static string? Of(Dictionary<string, AttributeValue>? item) =>
        item is not null && item.TryGetValue("etag", out var value) && value.N is not null ? value.N : null;
}
