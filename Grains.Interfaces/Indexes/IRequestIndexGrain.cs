using Orleans.Concurrency;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// One shard of a tenant's list of interview requests for dashboards, key
/// <c>{tenant}/{yyyyMMdd}.{n}</c> (see <see cref="RequestIndexKeys"/>). Request grains upsert their
/// summary into their shard on every transition (one-way); a shard orders by (creation time, id).
/// Dashboards read the whole index through <see cref="RequestIndexReader"/>, which merges the shards.
/// </summary>
[Alias("Scheduler.Grains.IRequestIndexGrain")]
public interface IRequestIndexGrain : IGrainWithStringKey
{
    /// <summary>Inserts or updates a summary; a summary with a lower version than the stored one is ignored. One-way.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("Upsert")]
    Task Upsert(RequestSummary summary);

    /// <summary>Returns a page of this shard, optionally filtered.</summary>
    /// <param name="query">Filters, cursor and size (1–1,000 here; the API allows up to 500 per page).</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The cursor is not one this index produced (<c>cursor</c>).</exception>
    [Alias("List")]
    Task<RequestPage> List(RequestListQuery query);

    /// <summary>Counts this shard's requests by status, with every filter of <paramref name="query"/> but its status (and no cursor or limit).</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The count of each status that occurs; a status with no request is absent.</returns>
    [Alias("CountByStatus")]
    Task<IReadOnlyDictionary<RequestStatus, int>> CountByStatus(RequestListQuery query);
}
