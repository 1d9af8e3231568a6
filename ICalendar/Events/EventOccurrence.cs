namespace Scheduler.ICalendar.Events;

/// <summary>
/// One occurrence of an event in a window: a single event, one instance of a recurring
/// series, or an override (RECURRENCE-ID) that replaces one.
/// </summary>
/// <param name="Uid">The event's UID; empty when the event has none.</param>
/// <param name="Start">Start instant (inclusive).</param>
/// <param name="End">End instant (exclusive); equal to <paramref name="Start"/> for a zero-length event, never before it.</param>
/// <param name="IsAllDay">Whether DTSTART is a DATE; then <paramref name="Start"/>/<paramref name="End"/> are local midnights in the zone the caller passed for floating values.</param>
/// <param name="Summary">Decoded SUMMARY, or <see langword="null"/>.</param>
/// <param name="Status">STATUS of the occurrence (of the override when there is one).</param>
/// <param name="Transparency">TRANSP of the occurrence.</param>
/// <param name="RecurrenceId">For an occurrence of a recurring event, its original start (the value a RECURRENCE-ID would name); <see langword="null"/> for a single event.</param>
/// <param name="Source">The VEVENT the occurrence's properties come from (the override for an overridden occurrence).</param>
public sealed record EventOccurrence(
    string Uid,
    Instant Start,
    Instant End,
    bool IsAllDay,
    string? Summary,
    EventStatus Status,
    EventTransparency Transparency,
    CalendarDateTime? RecurrenceId,
    CalendarEvent Source)
{
    /// <summary>Whether the occurrence makes its owner busy: not cancelled and opaque (RFC 5545 §3.8.2.7, §3.8.1.11).</summary>
    public bool IsBusy => Status != EventStatus.Cancelled && Transparency == EventTransparency.Opaque;

    /// <summary>The duration <c>End - Start</c>; never negative.</summary>
    public Duration Duration => End - Start;
}
