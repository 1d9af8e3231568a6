using NodaTime;

namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// An all-day calendar event: it spans whole local dates of the participant who owns the calendar,
/// from the start of <paramref name="FirstDate"/> to the start of the day after <paramref name="LastDate"/>
/// in that participant's zone, and like any event it blocks time only when opaque and not cancelled.
/// </summary>
/// <param name="FirstDate">The first local date covered.</param>
/// <param name="LastDate">The last local date covered (inclusive; equal to <paramref name="FirstDate"/> for a one-day event).</param>
/// <param name="Status">Confirmed, tentative or cancelled.</param>
/// <param name="Transparency">Whether the event blocks time (many calendars mark all-day events transparent by default).</param>
public sealed record AllDayEvent(
    LocalDate FirstDate,
    LocalDate LastDate,
    EventStatus Status = EventStatus.Confirmed,
    EventTransparency Transparency = EventTransparency.Opaque)
{
    /// <summary>Whether the event blocks time: not cancelled and not transparent (DESIGN.md §4).</summary>
    public bool IsBusy => Status != EventStatus.Cancelled && Transparency == EventTransparency.Opaque;
}
