using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Board;

/// <summary>
/// Reads the board from the tenant's request index, the same sharded index the list route reads
/// (<see cref="RequestIndexReader"/>): one page at a time by cursor, and the counts by status from the shards in place,
/// so a tenant with many requests never has them all loaded. It asks the index's version first
/// (<see cref="IRequestIndexDirectoryGrain.Version"/>, one small call): while the version stands, a board keeps what it
/// shows and the shards are not read at all; when it moves, the boards of the gateway that show the same query share one
/// read (<see cref="BoardSnapshotCache"/>).
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="snapshots">The gateway's shared snapshots.</param>
public sealed class RequestBoardReader(IGrainFactory factory, BoardSnapshotCache snapshots)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 25;

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

        return await snapshots.GetOrReadAsync(new BoardSnapshotKey(tenant, query, version), async () =>
        {
            var counts = RequestIndexReader.CountByStatusAsync(factory, tenant, query);
            var page = await RequestIndexReader.ListAsync(factory, tenant, query);
            return new BoardSnapshot(tenant, query, version, page, await counts);
        });
    }
}
