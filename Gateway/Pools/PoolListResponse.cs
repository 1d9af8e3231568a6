namespace Scheduler.Gateway.Pools;

/// <summary>A page of pools, ordered by id.</summary>
/// <param name="Items">The pools.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; <see langword="null"/> on the last page.</param>
public sealed record PoolListResponse(IReadOnlyList<PoolListItem> Items, string? NextCursor);
