using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Board;

/// <summary>
/// Reads the board from the tenant's request index, the same sharded index the list route reads
/// (<see cref="RequestIndexReader"/>): one page at a time by cursor, and the counts by status from the shards in place,
/// so a tenant with many requests never has them all loaded. It asks the index's version first
/// (<see cref="IRequestIndexDirectoryGrain.Version"/>, one small call): while the version stands, a board keeps what it
/// shows and the shards are not read at all; when it moves, the boards of the gateway that show the same query share one
/// read through the gateway's <see cref="HybridCache"/>, kept in memory only: one snapshot per tenant, query and index
/// version (so one is never served for a later version), read once while boards wait for it, kept for
/// <see cref="Kept"/>; a read that failed is not kept.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="snapshots">The gateway's cache.</param>
public sealed class RequestBoardReader(IGrainFactory factory, HybridCache snapshots)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 25;

    /// <summary>How long a snapshot stays in memory after it was read: 30 seconds.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions InMemory = new()
    {
        Expiration = Kept,
        LocalCacheExpiration = Kept,
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <summary>What the board shows for the filters and page: <paramref name="shown"/> itself when nothing in it can have changed, else a snapshot at the index's current version.</summary>
    /// <param name="tenant">The viewer's tenant.</param>
    /// <param name="filter">The applied filters.</param>
    /// <param name="cursor">The page's cursor; <see langword="null"/> for the first page.</param>
    /// <param name="shown">What the board shows now; <see langword="null"/> before its first read.</param>
    /// <returns>The snapshot; the same instance as <paramref name="shown"/> when it still holds.</returns>
    /// <exception cref="ArgumentException">The cursor is not one the index produced.</exception>
    public async Task<BoardSnapshot> ReadAsync(string tenant, BoardFilter filter, string? cursor, BoardSnapshot? shown)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter.ToQuery(cursor, PageSize);
        var version = await factory.GetGrain<IRequestIndexDirectoryGrain>(tenant).Version();
        if (shown is not null && shown.Holds(tenant, query, version))
        {
            return shown;
        }

        return await snapshots.GetOrCreateAsync(
            $"board/{tenant}/{version.Epoch:N}.{version.Sequence}/{JsonSerializer.Serialize(query)}",
            async _ =>
            {
                var counts = RequestIndexReader.CountByStatusAsync(factory, tenant, query);
                var page = await RequestIndexReader.ListAsync(factory, tenant, query);
                return new BoardSnapshot(tenant, query, version, page, await counts);
            },
            InMemory);
    }
}
