namespace Scheduler.Grains.Participants.Busy;

/// <summary>The result of a busy source fetch.</summary>
/// <param name="Intervals">Busy intervals, unbuffered, in any order.</param>
/// <param name="FetchedAt">When the data was read from its origin (UTC).</param>
public sealed record BusyFetch(IReadOnlyList<BusyInterval> Intervals, DateTimeOffset FetchedAt)
{
    /// <summary>Why only part of the calendar could be read (components skipped, one of several calendars failed), or <see langword="null"/> when all of it was.</summary>
    public string? PartialReason { get; init; }

    /// <summary>
    /// Whether the intervals are the calendar's events, each marked when Scheduler wrote it
    /// (<see cref="BusyInterval.WrittenByScheduler"/>), so a booking's conflicts can be told from them; <see langword="false"/>
    /// for free/busy answers, whose conflicts come from push notifications only.
    /// </summary>
    public bool FromEvents { get; init; }
}
