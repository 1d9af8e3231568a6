using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// Reads a tenant's whole request list across its day shards (<see cref="RequestIndexKeys"/>): walks
/// the days of the <see cref="IRequestIndexDirectoryGrain"/> from the cursor's day on, asks the
/// day's shards in parallel for their next items, and merges them by (creation time, id) until the
/// page is full. Because a day's shards hold only that day's requests, the merged order is the
/// global order and the cursor is the same as a single list's.
/// </summary>
public static class RequestIndexReader
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Returns one page of a tenant's requests, oldest first, optionally filtered.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">Filters, cursor, and page size (clamped to 1–<see cref="MaxLimit"/>).</param>
    /// <returns>The page; its <see cref="RequestPage.NextCursor"/> is <see langword="null"/> on the last page.</returns>
    /// <exception cref="ArgumentException">The cursor is not one this index produced (parameter <c>cursor</c>).</exception>
    public static async Task<RequestPage> ListAsync(IGrainFactory grains, string tenant, RequestListQuery query)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        DateOnly? fromDay = query.Cursor is null ? null : RequestIndexKeys.Day(RequestCursor.Parse(query.Cursor).CreatedAt);
        var days = await grains.GetGrain<IRequestIndexDirectoryGrain>(tenant).Days();
        var collected = new List<RequestSummary>(limit + 1);
        foreach (var day in days)
        {
            if (day < fromDay || !query.MayMatchDay(day))
            {
                continue;
            }

            var needed = limit + 1 - collected.Count;
            var shardQuery = query with { Limit = needed };
            var pages = await Task.WhenAll(Enumerable.Range(0, RequestIndexKeys.ShardsPerDay)
                .Select(shard => grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(tenant, day, shard)).List(shardQuery)));
            collected.AddRange(pages.SelectMany(p => p.Items)
                .OrderBy(i => i.CreatedAt)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .Take(needed));
            if (collected.Count > limit)
            {
                break;
            }
        }

        var (items, next) = Paging.Cut(collected, limit, RequestCursor.Of);
        return new RequestPage(items, next);
    }

    /// <summary>Counts a tenant's requests by status across its day shards, with every filter of the query but its status; the shards count in place, so nothing is listed.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The filters (status, cursor and limit are ignored).</param>
    /// <returns>The count of every status, zero for a status with no request.</returns>
    public static async Task<IReadOnlyDictionary<RequestStatus, int>> CountByStatusAsync(IGrainFactory grains, string tenant, RequestListQuery query)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var days = await grains.GetGrain<IRequestIndexDirectoryGrain>(tenant).Days();
        var shards = await Task.WhenAll(days.Where(query.MayMatchDay)
            .SelectMany(day => Enumerable.Range(0, RequestIndexKeys.ShardsPerDay).Select(shard => RequestIndexKeys.For(tenant, day, shard)))
            .Select(key => grains.GetGrain<IRequestIndexGrain>(key).CountByStatus(query)));
        var totals = Enum.GetValues<RequestStatus>().ToDictionary(status => status, _ => 0);
        foreach (var (status, count) in shards.SelectMany(counts => counts))
        {
            totals[status] += count;
        }

        return totals;
    }
}
