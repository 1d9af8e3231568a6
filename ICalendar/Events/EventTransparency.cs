namespace Scheduler.ICalendar.Events;

/// <summary>The <c>TRANSP</c> of a VEVENT (RFC 5545 §3.8.2.7); the default is <see cref="Opaque"/>.</summary>
public enum EventTransparency
{
    /// <summary><c>OPAQUE</c>: the event blocks time (busy).</summary>
    Opaque,

    /// <summary><c>TRANSPARENT</c>: the event does not block time (free).</summary>
    Transparent,
}
