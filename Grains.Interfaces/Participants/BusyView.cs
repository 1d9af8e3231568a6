namespace Scheduler.Grains;

/// <summary>A participant's busy time in a range, with the freshness of the calendar data.</summary>
/// <param name="Intervals">Busy intervals overlapping the range, ordered by start.</param>
/// <param name="FetchedAt">When the oldest calendar data used was fetched (or the blocks last replaced); <see langword="null"/> when there is no data.</param>
/// <param name="Stale">Whether some calendar could not be refreshed within its freshness limit.</param>
public sealed record BusyView(IReadOnlyList<BusyInterval> Intervals, DateTimeOffset? FetchedAt, bool Stale);
