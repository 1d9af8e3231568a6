using Scheduler.Runtime;
using Scheduler.Runtime.Concurrency;

namespace Scheduler.Grains;

/// <summary>
/// The list of a tenant's interview requests for dashboards, key <c>{tenant}</c>. Request grains
/// upsert their summary on every transition (one-way); the index orders by first insertion.
/// </summary>
public interface IRequestIndexGrain : IGrainWithStringKey
{
    /// <summary>Inserts or updates a summary; a summary with a lower version than the stored one is ignored. One-way.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    Task Upsert(RequestSummary summary);

    /// <summary>Returns a page, optionally filtered.</summary>
    /// <param name="query">Filters, cursor and size.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The cursor is not one this index produced (<c>cursor</c>).</exception>
    Task<RequestPage> List(RequestListQuery query);
}
