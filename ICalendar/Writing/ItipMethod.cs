namespace Scheduler.ICalendar.Writing;

/// <summary>The iTIP <c>METHOD</c> of an invite (RFC 5546 §1.4, §3.2).</summary>
public enum ItipMethod
{
    /// <summary><c>REQUEST</c>: a new meeting, or an update of one (same UID, higher SEQUENCE), RFC 5546 §3.2.2.</summary>
    Request,

    /// <summary><c>CANCEL</c>: the meeting is cancelled (same UID, higher SEQUENCE, STATUS:CANCELLED), RFC 5546 §3.2.5.</summary>
    Cancel,
}
