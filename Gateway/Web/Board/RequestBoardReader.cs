using Scheduler.Grains.Indexes;
using Scheduler.Grains.Requests;

namespace Scheduler.Gateway.Web.Board;

/// <summary>
/// Reads the board from the tenant's request index, the same sharded index the list route reads
/// (<see cref="RequestIndexReader"/>): one page at a time by cursor, and the counts by status from the shards in place,
/// so a tenant with many requests never has them all loaded.
/// </summary>
/// <param name="factory">The grain factory.</param>
public sealed class RequestBoardReader(IGrainFactory factory)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 25;

    /// <summary>One page of the board.</summary>
    /// <param name="tenant">The viewer's tenant.</param>
    /// <param name="filter">The applied filters.</param>
    /// <param name="cursor">The page's cursor; <see langword="null"/> for the first page.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The cursor is not one the index produced.</exception>
    public Task<RequestPage> PageAsync(string tenant, BoardFilter filter, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return RequestIndexReader.ListAsync(factory, tenant, filter.ToQuery(cursor, PageSize));
    }

    /// <summary>The count of each status under the filters (all but the status filter).</summary>
    /// <param name="tenant">The viewer's tenant.</param>
    /// <param name="filter">The applied filters.</param>
    /// <returns>The counts, every status present.</returns>
    public Task<IReadOnlyDictionary<RequestStatus, int>> CountsAsync(string tenant, BoardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return RequestIndexReader.CountByStatusAsync(factory, tenant, filter.ToQuery(null, 1));
    }
}
