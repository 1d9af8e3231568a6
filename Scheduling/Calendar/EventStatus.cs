namespace Scheduler.Scheduling.Calendar;

/// <summary>The status of a calendar event (iCalendar <c>STATUS</c>, Google <c>status</c>, Graph <c>showAs</c>/<c>isCancelled</c>).</summary>
public enum EventStatus
{
    /// <summary>The event happens; it is busy unless transparent.</summary>
    Confirmed = 0,

    /// <summary>The event may happen; treated as busy unless transparent (DESIGN.md §4 excludes only cancelled events).</summary>
    Tentative = 1,

    /// <summary>The event does not happen; never busy.</summary>
    Cancelled = 2,
}
