namespace Scheduler.Grains.Indexes;

/// <summary>
/// Reads a tenant's whole directory across its shards (<see cref="TenantDirectoryKeys"/>): asks every shard in
/// parallel for its next items after the cursor and merges them by id (ordinal). The cursor is the last id listed,
/// so a page is the same whichever shard holds which id, and an entry added or removed between pages never makes
/// the list repeat or skip another one.
/// </summary>
public static class TenantDirectoryReader
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Returns one page of a tenant's participants, ordered by id, optionally of one kind.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">Kind, cursor, and page size (clamped to 1–<see cref="MaxLimit"/>).</param>
    /// <returns>The page; its <see cref="DirectoryPage{T}.NextCursor"/> is <see langword="null"/> on the last page.</returns>
    public static Task<DirectoryPage<ParticipantSummary>> ListParticipantsAsync(IGrainFactory grains, string tenant, DirectoryListQuery query) =>
        MergeAsync(grains, tenant, query, (shard, q) => shard.ListParticipants(q), p => p.Id);

    /// <summary>Returns one page of a tenant's pools, ordered by id.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">Cursor and page size (clamped to 1–<see cref="MaxLimit"/>).</param>
    /// <returns>The page; its <see cref="DirectoryPage{T}.NextCursor"/> is <see langword="null"/> on the last page.</returns>
    public static Task<DirectoryPage<PoolSummary>> ListPoolsAsync(IGrainFactory grains, string tenant, DirectoryListQuery query) =>
        MergeAsync(grains, tenant, query, (shard, q) => shard.ListPools(q), p => p.Id);

    /// <summary>The ids of the tenant's pools that have the participant as a member, ordered by id.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="participantId">The participant id (without tenant).</param>
    /// <returns>The pool ids; empty when none.</returns>
    public static async Task<IReadOnlyList<string>> PoolsWithMemberAsync(IGrainFactory grains, string tenant, string participantId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var found = await Task.WhenAll(Shards(grains, tenant).Select(shard => shard.PoolsWithMember(participantId)));
        return [.. found.SelectMany(ids => ids).Order(StringComparer.Ordinal)];
    }

    private static async Task<DirectoryPage<T>> MergeAsync<T>(
        IGrainFactory grains, string tenant, DirectoryListQuery query, Func<ITenantDirectoryGrain, DirectoryListQuery, Task<DirectoryPage<T>>> list, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var shardQuery = query with { Limit = limit + 1 };
        var pages = await Task.WhenAll(Shards(grains, tenant).Select(shard => list(shard, shardQuery)));
        var (items, next) = Paging.Cut(pages.SelectMany(p => p.Items).OrderBy(idOf, StringComparer.Ordinal), limit, idOf);
        return new DirectoryPage<T>(items, next);
    }

    private static IEnumerable<ITenantDirectoryGrain> Shards(IGrainFactory grains, string tenant) =>
        Enumerable.Range(0, TenantDirectoryKeys.Shards).Select(n => grains.GetGrain<ITenantDirectoryGrain>(TenantDirectoryKeys.ForShard(tenant, n)));
}
