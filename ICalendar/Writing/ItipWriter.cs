using Scheduler.ICalendar.Events;

namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes iTIP invites (RFC 5546) as iCalendar text: <c>VERSION:2.0</c>, <c>PRODID</c>,
/// <c>CALSCALE:GREGORIAN</c>, <c>METHOD</c>, and one VEVENT with UID, SEQUENCE, DTSTAMP,
/// DTSTART/DTEND in UTC, ORGANIZER, ATTENDEEs (CN, ROLE, PARTSTAT, RSVP), SUMMARY,
/// DESCRIPTION, LOCATION, URL and STATUS. TEXT values are escaped (RFC 5545 §3.3.11), lines
/// folded at 75 octets and ended with CRLF (§3.1). <see cref="VCalendar.Parse(string)"/> reads the
/// output back to the same values.
/// </summary>
public static class ItipWriter
{
    /// <summary>Writes the invite.</summary>
    /// <param name="invite">The invite.</param>
    /// <returns>The iCalendar text (MIME type <c>text/calendar; method=REQUEST|CANCEL; charset=UTF-8</c>).</returns>
    /// <exception cref="ArgumentException">The UID or an email address is empty, the sequence is negative, or the end is not after the start.</exception>
    public static string Write(ItipInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrWhiteSpace(invite.Uid, nameof(invite));
        ArgumentException.ThrowIfNullOrWhiteSpace(invite.Organizer.Email, nameof(invite));
        if (invite.Sequence < 0)
        {
            throw new ArgumentException("SEQUENCE must be 0 or more.", nameof(invite));
        }

        if (invite.End <= invite.Start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(invite));
        }

        var method = invite.Method == ItipMethod.Cancel ? "CANCEL" : "REQUEST";
        var status = invite.Status ?? (invite.Method == ItipMethod.Cancel ? EventStatus.Cancelled : EventStatus.Confirmed);
        var writer = new ContentLineWriter()
            .BeginCalendar(invite.ProductId, method)
            .BeginEvent(invite.Uid, invite.Sequence, invite.Stamp, invite.Start, invite.End, invite.Summary)
            .Text("DESCRIPTION", invite.Description)
            .Text("LOCATION", invite.Location);
        if (invite.Url is not null)
        {
            writer.Line("URL", invite.Url.AbsoluteUri);
        }

        writer.Address("ORGANIZER", invite.Organizer.Email, invite.Organizer.CommonName);
        foreach (var attendee in invite.Attendees)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(attendee.Email, nameof(invite));
            writer.Address("ATTENDEE", attendee.Email, attendee.CommonName, ("ROLE", Role(attendee.Role)), ("PARTSTAT", PartStat(attendee.Status)), ("RSVP", attendee.Rsvp ? "TRUE" : "FALSE"));
        }

        writer.Line("STATUS", status switch
        {
            EventStatus.Cancelled => "CANCELLED",
            EventStatus.Tentative => "TENTATIVE",
            _ => "CONFIRMED",
        });
        writer.Line("TRANSP", "OPAQUE")
            .Line("END", "VEVENT")
            .Line("END", "VCALENDAR");
        return writer.ToString();
    }

    private static string Role(AttendeeRole role) => role switch
    {
        AttendeeRole.Chair => "CHAIR",
        AttendeeRole.OptionalParticipant => "OPT-PARTICIPANT",
        AttendeeRole.NonParticipant => "NON-PARTICIPANT",
        _ => "REQ-PARTICIPANT",
    };

    private static string PartStat(ParticipationStatus status) => status switch
    {
        ParticipationStatus.Accepted => "ACCEPTED",
        ParticipationStatus.Declined => "DECLINED",
        ParticipationStatus.Tentative => "TENTATIVE",
        ParticipationStatus.Delegated => "DELEGATED",
        _ => "NEEDS-ACTION",
    };
}
