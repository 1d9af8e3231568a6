namespace Scheduler.Scheduling.Calendar;

/// <summary>Whether an event blocks time (iCalendar <c>TRANSP</c>, Google <c>transparency</c>, Graph <c>showAs = free</c>).</summary>
public enum EventTransparency
{
    /// <summary>The event blocks time (busy).</summary>
    Opaque = 0,

    /// <summary>The event does not block time (shown as free).</summary>
    Transparent = 1,
}
