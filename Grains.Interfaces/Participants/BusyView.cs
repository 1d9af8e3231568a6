namespace Scheduler.Grains.Participants;

/// <summary>A participant's busy time in a range, with the freshness of the calendar data.</summary>
/// <param name="Intervals">Busy intervals overlapping the range, ordered by start.</param>
/// <param name="FetchedAt">When the oldest calendar data used was fetched (or the blocks last replaced); <see langword="null"/> when there is no data.</param>
/// <param name="Stale">Whether some calendar could not be refreshed within its freshness limit.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BusyView")]
public sealed record BusyView([property: Id(0)] IReadOnlyList<BusyInterval> Intervals, [property: Id(1)] DateTimeOffset? FetchedAt, [property: Id(2)] bool Stale);
