namespace Scheduler.Grains.Participants.Busy;

/// <summary>The calendars' part of a participant's busy time in a range.</summary>
/// <param name="Intervals">Calendar busy intervals overlapping the range (unbuffered, any order), from the data held.</param>
/// <param name="FetchedAt">When the oldest data used was read (UTC); the time of the answer without calendars; <see langword="null"/> when calendars are configured but none has data.</param>
/// <param name="Calendars">One status per configured calendar, in profile order.</param>
internal sealed record BusyRead(IReadOnlyList<BusyInterval> Intervals, DateTimeOffset? FetchedAt, IReadOnlyList<CalendarReadStatus> Calendars)
{
    /// <summary>
    /// The intervals of <see cref="Intervals"/> known to be other events than Scheduler's own: read as events
    /// (<see cref="BusyFetch.FromEvents"/>) and not <see cref="BusyInterval.WrittenByScheduler"/>. What a booking can conflict with.
    /// </summary>
    public IReadOnlyList<BusyInterval> Foreign { get; init; } = [];

    /// <summary>Whether some calendar's data was stale.</summary>
    public bool Stale => Calendars.Any(c => c.Stale);
}
