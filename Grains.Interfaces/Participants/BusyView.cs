namespace Scheduler.Grains.Participants;

/// <summary>A participant's busy time in a range, with the freshness of the calendar data.</summary>
/// <param name="Intervals">Busy intervals overlapping the range, ordered by start.</param>
/// <param name="FetchedAt">When the oldest calendar data used was read (UTC; the time of the answer when no calendar is configured); <see langword="null"/> when there is no profile.</param>
/// <param name="Stale">Whether some calendar's data was stale (see <see cref="Calendars"/>).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BusyView")]
public sealed record BusyView([property: Id(0)] IReadOnlyList<BusyInterval> Intervals, [property: Id(1)] DateTimeOffset? FetchedAt, [property: Id(2)] bool Stale)
{
    /// <summary>One entry per configured calendar, in profile order.</summary>
    [Id(3)]
    public IReadOnlyList<CalendarReadStatus> Calendars { get; init; } = [];
}
