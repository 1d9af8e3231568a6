namespace Scheduler.Grains;

/// <summary>A page of request summaries.</summary>
/// <param name="Items">The summaries, ordered by creation.</param>
/// <param name="NextCursor">Pass it to get the next page; <see langword="null"/> on the last page.</param>
public sealed record RequestPage(IReadOnlyList<RequestSummary> Items, string? NextCursor);
