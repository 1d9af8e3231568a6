using System.Text;
using Scheduler.ICalendar.Writing;

namespace Scheduler.ICalendar.Tests;

public sealed class ItipWriterTests
{
    private static ItipInvite Invite(ItipMethod method = ItipMethod.Request, int sequence = 0) => new()
    {
        Method = method,
        Uid = "interview-42@scheduler",
        Sequence = sequence,
        Stamp = Instant.FromUtc(2026, 3, 1, 8, 0),
        Start = Instant.FromUtc(2026, 3, 10, 13, 0),
        End = Instant.FromUtc(2026, 3, 10, 14, 0),
        Organizer = new ItipOrganizer("recruiting@example.com", "Recruiting, ACME"),
        Attendees =
        [
            new ItipAttendee("jürgen@example.com", "Jürgen Müller-Lüdenscheidt", AttendeeRole.RequiredParticipant, ParticipationStatus.NeedsAction),
            new ItipAttendee("ana@example.com", "Ana \"Annie\" Li", AttendeeRole.OptionalParticipant, ParticipationStatus.Accepted, Rsvp: false),
        ],
        Summary = "Interview: Staff Engineer; round 2, système distribué — 面试 🗓️ with a long title that must be folded",
        Description = "Line one\nLine two; with, punctuation \\ and a backslash\n" + string.Concat(Enumerable.Repeat("ünïcödé ", 20)),
        Location = "Room 4, Building B",
        Url = new Uri("https://meet.example.com/abc-defg-hij"),
    };

    [Fact]
    public void Write_Request_RoundTripsThroughParser()
    {
        var invite = Invite();
        var calendar = VCalendar.Parse(ItipWriter.Write(invite));
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Empty(calendar.Warnings);
        var e = calendar.Events.Single();
        Assert.Equal(invite.Uid, e.Uid);
        Assert.Equal(invite.Summary, e.Summary);
        Assert.Equal(invite.Description, e.Description);
        Assert.Equal(invite.Location, e.Location);
        Assert.Equal(EventStatus.Confirmed, e.Status);
        Assert.Equal(CalendarDateTime.FromInstant(invite.Start), e.Start);
        Assert.Equal(CalendarDateTime.FromInstant(invite.End), e.End);
        Assert.Equal("https://meet.example.com/abc-defg-hij", e.Component.GetProperty("URL")!.Value);
        Assert.Equal("20260301T080000Z", e.Component.GetProperty("DTSTAMP")!.Value);
        var organizer = e.Component.GetProperty("ORGANIZER")!;
        Assert.Equal("mailto:recruiting@example.com", organizer.Value);
        Assert.Equal("Recruiting, ACME", organizer.GetParameter("CN"));
        var attendees = e.Component.GetProperties("ATTENDEE").ToList();
        Assert.Equal("Jürgen Müller-Lüdenscheidt", attendees[0].GetParameter("CN"));
        Assert.Equal("REQ-PARTICIPANT", attendees[0].GetParameter("ROLE"));
        Assert.Equal("NEEDS-ACTION", attendees[0].GetParameter("PARTSTAT"));
        Assert.Equal("TRUE", attendees[0].GetParameter("RSVP"));
        Assert.Equal("Ana \"Annie\" Li", attendees[1].GetParameter("CN"));
        Assert.Equal("OPT-PARTICIPANT", attendees[1].GetParameter("ROLE"));
        Assert.Equal("ACCEPTED", attendees[1].GetParameter("PARTSTAT"));
        Assert.Equal("FALSE", attendees[1].GetParameter("RSVP"));
        var occurrence = calendar.GetOccurrences(invite.Start, invite.End, DateTimeZone.Utc).Single();
        Assert.Equal((invite.Start, invite.End), (occurrence.Start, occurrence.End));
    }

    [Fact]
    public void Write_LongMultibyteLines_AreFoldedAt75OctetsWithCrlf()
    {
        var text = ItipWriter.Write(Invite());
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith(' '));
        foreach (var line in lines)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
            Assert.False(line.Length > 0 && char.IsHighSurrogate(line[^1]), "A surrogate pair was split.");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    [Fact]
    public void Write_Cancel_HasMethodCancelAndStatusCancelled()
    {
        var calendar = VCalendar.Parse(ItipWriter.Write(Invite(ItipMethod.Cancel, 2)));
        Assert.Equal("CANCEL", calendar.Method);
        var e = calendar.Events.Single();
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Equal(2, e.Sequence);
        Assert.Empty(calendar.GetBusyIntervals(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), DateTimeZone.Utc));
    }

    [Fact]
    public void Write_EndNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>(() => ItipWriter.Write(Invite() with { End = Instant.FromUtc(2026, 3, 10, 13, 0) }));

    [Fact]
    public void Write_EmptyUid_Throws() =>
        Assert.Throws<ArgumentException>(() => ItipWriter.Write(Invite() with { Uid = " " }));
}
