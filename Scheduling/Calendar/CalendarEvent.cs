using NodaTime;

namespace Scheduler.Scheduling.Calendar;

/// <summary>A timed calendar event, as read from a participant's calendar.</summary>
/// <param name="Start">The start (UTC, inclusive).</param>
/// <param name="End">The end (UTC, exclusive); an end before the start is treated as an empty event.</param>
/// <param name="Status">Confirmed, tentative or cancelled.</param>
/// <param name="Transparency">Whether the event blocks time.</param>
public sealed record CalendarEvent(
    Instant Start,
    Instant End,
    EventStatus Status = EventStatus.Confirmed,
    EventTransparency Transparency = EventTransparency.Opaque)
{
    /// <summary>Whether the event blocks time: not cancelled and not transparent (DESIGN.md §4).</summary>
    public bool IsBusy => Status != EventStatus.Cancelled && Transparency == EventTransparency.Opaque;
}
