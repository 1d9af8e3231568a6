namespace Scheduler.ICalendar.Writing;

/// <summary>The <c>ROLE</c> parameter of an attendee (RFC 5545 §3.2.16).</summary>
public enum AttendeeRole
{
    /// <summary><c>REQ-PARTICIPANT</c> (the default).</summary>
    RequiredParticipant,

    /// <summary><c>OPT-PARTICIPANT</c>.</summary>
    OptionalParticipant,

    /// <summary><c>NON-PARTICIPANT</c> (copied for information).</summary>
    NonParticipant,

    /// <summary><c>CHAIR</c>.</summary>
    Chair,
}
