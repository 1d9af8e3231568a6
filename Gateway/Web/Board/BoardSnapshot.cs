using System.ComponentModel;
using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Board;

/// <summary>What the board shows for one query: a page and the counts by status, both read after the index stood at <see cref="Version"/>.</summary>
/// <remarks>Immutable, so the gateway's cache hands every board the same instance instead of a copy.</remarks>
/// <param name="Tenant">The tenant.</param>
/// <param name="Query">The page's query (filters, cursor, <see cref="RequestBoardReader.PageSize"/>).</param>
/// <param name="Version">The index version read before the page and the counts.</param>
/// <param name="Page">The page.</param>
/// <param name="Counts">The count of each status under the query's filters but its status; every status present.</param>
[ImmutableObject(true)]
public sealed record BoardSnapshot(string Tenant, RequestListQuery Query, RequestIndexVersion Version, RequestPage Page, IReadOnlyDictionary<RequestStatus, int> Counts)
{
    /// <summary>Whether this snapshot still shows <paramref name="query"/> of <paramref name="tenant"/> at <paramref name="version"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The page's query.</param>
    /// <param name="version">The index's current version.</param>
    /// <returns><see langword="true"/> when nothing read for it can have changed.</returns>
    public bool Holds(string tenant, RequestListQuery query, RequestIndexVersion version) =>
        Tenant == tenant && Query == query && Version == version;
}
