using System.Globalization;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// Where a participant's or pool's summary lives in its tenant's directory: shard
/// <c>{tenant}/{n}</c>, <c>n</c> = a stable hash (FNV-1a, 32 bit, over the id's UTF-16 code units)
/// of the id modulo <see cref="Shards"/>. Sharding keeps each stored item well under a storage
/// item's limit (DynamoDB: 400 KB): at about 100 bytes per participant summary, a tenant's
/// directory holds some 40,000 participants.
/// </summary>
public static class TenantDirectoryKeys
{
    /// <summary>How many shards a tenant's directory has. Changing it would move existing summaries: it is part of the stored layout.</summary>
    public const int Shards = 16;

    /// <summary>The shard key of a participant or pool id.</summary>
    /// <param name="tenant">The tenant: non-empty, without <c>/</c>.</param>
    /// <param name="id">The participant or pool id (without tenant).</param>
    /// <returns>The key <c>{tenant}/{n}</c>.</returns>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the tenant contains <c>/</c>.</exception>
    public static string For(string tenant, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ForShard(tenant, GrainKeys.Shard(id, Shards));
    }

    /// <summary>The key of one shard.</summary>
    /// <param name="tenant">The tenant: non-empty, without <c>/</c>.</param>
    /// <param name="shard">0 to <see cref="Shards"/> − 1.</param>
    /// <returns>The key <c>{tenant}/{shard}</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shard"/> is out of range.</exception>
    public static string ForShard(string tenant, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Shards);
        return GrainKeys.For(tenant, shard.ToString(CultureInfo.InvariantCulture));
    }
}
