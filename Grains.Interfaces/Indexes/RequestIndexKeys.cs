using System.Globalization;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// Where a request's summary lives in its tenant's sharded index: shard
/// <c>{tenant}/{yyyyMMdd}.{n}</c>, the request's creation day (UTC) and <c>n</c> = a stable hash
/// (FNV-1a, 32 bit, over the id's UTF-16 code units) of the request id modulo
/// <see cref="ShardsPerDay"/>. A shard therefore holds one day's share of a tenant's requests
/// (about 1,250 summaries, 190 KB, on a day of 10,000 requests), well under a storage item's limit
/// (DynamoDB: 400 KB), and a request always finds its shard from its own id and creation time.
/// </summary>
public static class RequestIndexKeys
{
    /// <summary>How many shards each day of a tenant's index has. Changing it would move existing summaries: it is part of the stored layout.</summary>
    public const int ShardsPerDay = 8;

    /// <summary>The shard key of a request.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="requestId">The request id (without tenant).</param>
    /// <param name="createdAt">When the request was submitted (any offset; its UTC date is used).</param>
    /// <returns>The key <c>{tenant}/{yyyyMMdd}.{n}</c>.</returns>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the tenant contains <c>/</c>.</exception>
    public static string For(string tenant, string requestId, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return For(tenant, Day(createdAt), GrainKeys.Shard(requestId, ShardsPerDay));
    }

    /// <summary>The key of one shard of one day.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="day">The UTC creation day.</param>
    /// <param name="shard">0 to <see cref="ShardsPerDay"/> − 1.</param>
    /// <returns>The key <c>{tenant}/{yyyyMMdd}.{shard}</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shard"/> is out of range.</exception>
    public static string For(string tenant, DateOnly day, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, ShardsPerDay);
        return GrainKeys.For(tenant, string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}.{shard}"));
    }

    /// <summary>The UTC day a creation instant belongs to.</summary>
    /// <param name="createdAt">The instant.</param>
    /// <returns>Its UTC date.</returns>
    public static DateOnly Day(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.UtcDateTime);

    /// <summary>Reads the day back from a shard's id (the part after the tenant).</summary>
    /// <param name="shardId">An id <c>{yyyyMMdd}.{n}</c>.</param>
    /// <returns>The day.</returns>
    /// <exception cref="FormatException">The id is not a shard id.</exception>
    public static DateOnly DayOf(string shardId)
    {
        ArgumentNullException.ThrowIfNull(shardId);
        return shardId.Length > 9 && shardId[8] == '.'
            && DateOnly.TryParseExact(shardId.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"'{shardId}' is not a request index shard id.");
    }
}
