namespace Scheduler.ICalendar.Writing;

/// <summary>The <c>PARTSTAT</c> parameter of an attendee for events (RFC 5545 §3.2.12).</summary>
public enum ParticipationStatus
{
    /// <summary><c>NEEDS-ACTION</c> (the default).</summary>
    NeedsAction,

    /// <summary><c>ACCEPTED</c>.</summary>
    Accepted,

    /// <summary><c>DECLINED</c>.</summary>
    Declined,

    /// <summary><c>TENTATIVE</c>.</summary>
    Tentative,

    /// <summary><c>DELEGATED</c>.</summary>
    Delegated,
}
