namespace Scheduler.ICalendar.Events;

/// <summary>The <c>STATUS</c> of a VEVENT (RFC 5545 §3.8.1.11).</summary>
public enum EventStatus
{
    /// <summary>No STATUS property (or a value RFC 5545 does not define for events).</summary>
    Unspecified,

    /// <summary><c>TENTATIVE</c>.</summary>
    Tentative,

    /// <summary><c>CONFIRMED</c>.</summary>
    Confirmed,

    /// <summary><c>CANCELLED</c>: the event (or this occurrence) does not take place and is never busy.</summary>
    Cancelled,
}
