using System.Globalization;
using NodaTime;
using Scheduler.ICalendar.Events;
using Scheduler.ICalendar.Values;

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
            .Line("BEGIN", "VCALENDAR")
            .Line("VERSION", "2.0")
            .Line("PRODID", CalendarText.Escape(invite.ProductId))
            .Line("CALSCALE", "GREGORIAN")
            .Line("METHOD", method)
            .Line("BEGIN", "VEVENT")
            .Line("UID", CalendarText.Escape(invite.Uid))
            .Line("SEQUENCE", invite.Sequence.ToString(CultureInfo.InvariantCulture))
            .Line("DTSTAMP", Utc(invite.Stamp))
            .Line("DTSTART", Utc(invite.Start))
            .Line("DTEND", Utc(invite.End))
            .Line("SUMMARY", CalendarText.Escape(invite.Summary));
        if (invite.Description is not null)
        {
            writer.Line("DESCRIPTION", CalendarText.Escape(invite.Description));
        }

        if (invite.Location is not null)
        {
            writer.Line("LOCATION", CalendarText.Escape(invite.Location));
        }

        if (invite.Url is not null)
        {
            writer.Line("URL", invite.Url.AbsoluteUri);
        }

        writer.Line("ORGANIZER", MailTo(invite.Organizer.Email), CommonName(invite.Organizer.CommonName));
        foreach (var attendee in invite.Attendees)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(attendee.Email, nameof(invite));
            var parameters = CommonName(attendee.CommonName).Concat(
            [
                ("ROLE", Role(attendee.Role)),
                ("PARTSTAT", PartStat(attendee.Status)),
                ("RSVP", attendee.Rsvp ? "TRUE" : "FALSE"),
            ]).ToArray();
            writer.Line("ATTENDEE", MailTo(attendee.Email), parameters);
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

    private static string Utc(Instant instant) => CalendarDateTime.FromInstant(instant).ToString();

    private static string MailTo(string email) => "mailto:" + email.Trim();

    private static (string, string)[] CommonName(string? name) =>
        string.IsNullOrEmpty(name) ? [] : [("CN", name)];

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
