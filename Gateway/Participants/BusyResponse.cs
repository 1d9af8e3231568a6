namespace Scheduler.Gateway.Participants;

/// <summary>A participant's busy time: <c>{intervals:[{start,end,source}], fetchedAt, stale}</c>.</summary>
/// <param name="Intervals">Busy intervals overlapping the range, ordered by start, unbuffered.</param>
/// <param name="FetchedAt">When the oldest calendar data used was fetched (or the blocks last replaced); <see langword="null"/> without data.</param>
/// <param name="Stale">Whether some calendar could not be refreshed in time.</param>
public sealed record BusyResponse(IReadOnlyList<BusyIntervalResponse> Intervals, DateTimeOffset? FetchedAt, bool Stale);
