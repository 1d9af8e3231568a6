using NodaTime;
using Scheduler.Grains.Notifications.Email.Calendar;
using Scheduler.Grains.Notifications.Email;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Invites in the candidate's zone: DTSTART/DTEND with TZID and a VTIMEZONE from TZDB, read back with the project's own parser.</summary>
public sealed class InviteZoneTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Invite_CandidateInBerlin_LocalTimesWithTzidAndTheParserReadsTheInstantsBack()
    {
        var text = Build(NotificationSamples.Booked());

        Assert.Contains("\r\nDTSTART;TZID=Europe/Berlin:20260310T140000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=Europe/Berlin:20260310T150000\r\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal) < text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal));
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD", text, StringComparison.Ordinal);
        AssertReadsBack(text, "Europe/Berlin", Instant.FromUtc(2026, 3, 10, 13, 0), Instant.FromUtc(2026, 3, 10, 14, 0));
    }

    [Fact]
    public void Invite_DstStartsDuringTheInterview_BothObservancesAndTheParserReadsTheInstantsBack()
    {
        // Europe/Berlin springs forward at 01:00 UTC on Sun 29 Mar 2026: 01:30 CET is 00:30 UTC, 04:30 CEST is 02:30 UTC.
        var slot = new TimeRange(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.Zero));

        var text = Build(NotificationSamples.Booked(slot));

        Assert.Contains("\r\nDTSTART;TZID=Europe/Berlin:20260329T013000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=Europe/Berlin:20260329T043000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT", text, StringComparison.Ordinal);
        AssertReadsBack(text, "Europe/Berlin", Instant.FromUtc(2026, 3, 29, 0, 30), Instant.FromUtc(2026, 3, 29, 2, 30));
    }

    [Fact]
    public void Invite_StartsInTheRepeatedHourAfterFallBack_StartStaysUtcAndReadsBackRight()
    {
        // America/New_York falls back at 06:00 UTC on Sun 1 Nov 2026: 01:00–02:00 local happens twice; 06:00 UTC is the second 01:00 (EST).
        var candidate = NotificationSamples.Candidate with { TimeZone = "America/New_York" };
        var slot = new TimeRange(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero));

        var text = Build(NotificationSamples.Booked(slot) with { Recipients = [candidate, NotificationSamples.Interviewer] });

        Assert.Contains("\r\nDTSTART:20261101T060000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=America/New_York:20261101T020000\r\n", text, StringComparison.Ordinal);
        AssertReadsBack(text, "America/New_York", Instant.FromUtc(2026, 11, 1, 6, 0), Instant.FromUtc(2026, 11, 1, 7, 0));
    }

    [Fact]
    public void Invite_CandidateWithWindowsZoneName_IanaTzidWithItsVTimeZoneAndTheParserReadsTheInstantsBack()
    {
        // The API accepts Windows zone names on a profile; "Eastern Standard Time" is America/New_York (EDT, UTC-4, on 10 Mar 2026).
        var candidate = NotificationSamples.Candidate with { TimeZone = "Eastern Standard Time" };

        var text = Build(NotificationSamples.Booked() with { Recipients = [candidate, NotificationSamples.Interviewer] });

        Assert.Contains("\r\nDTSTART;TZID=America/New_York:20260310T090000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=America/New_York:20260310T100000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Standard Time", text, StringComparison.Ordinal);
        AssertReadsBack(text, "America/New_York", Instant.FromUtc(2026, 3, 10, 13, 0), Instant.FromUtc(2026, 3, 10, 14, 0));
    }

    [Fact]
    public void Invite_CandidateInUtc_WrittenInUtcWithoutVTimeZone()
    {
        var candidate = NotificationSamples.Candidate with { TimeZone = "Etc/UTC" };

        var text = Build(NotificationSamples.Booked() with { Recipients = [candidate, NotificationSamples.Interviewer] });

        Assert.Contains("\r\nDTSTART:20260310T130000Z\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VTimeZone_ZoneWithoutDst_OneStandardObservance()
    {
        var lines = VTimeZoneWriter.Lines(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], Instant.FromUtc(2026, 3, 10, 8, 0), Instant.FromUtc(2026, 3, 10, 9, 0));

        Assert.Equal("TZID:Asia/Kolkata", lines[1]);
        Assert.Single(lines, l => l == "BEGIN:STANDARD");
        Assert.Contains("TZOFFSETTO:+0530", lines);
        Assert.DoesNotContain("BEGIN:DAYLIGHT", lines);
    }

    private static string Build(InterviewNotification notification) =>
        InviteBuilder.Build("acme/req-1", notification, "scheduler@acme.example", "Acme Scheduler", Stamp)!.Content;

    /// <summary>
    /// Parses the invite twice with <see cref="VCalendar"/>: as written (the IANA TZID), and with the TZID renamed to a
    /// name no zone database knows, so the parser has to build the zone from the invite's own VTIMEZONE.
    /// </summary>
    private static void AssertReadsBack(string text, string zoneId, Instant start, Instant end)
    {
        foreach (var calendarText in new[] { text, text.Replace(zoneId, "Interview Local Time", StringComparison.Ordinal) })
        {
            var calendar = VCalendar.Parse(calendarText);
            var occurrence = Assert.Single(calendar.GetOccurrences(start - Duration.FromDays(1), end + Duration.FromDays(1), DateTimeZone.Utc));
            Assert.Equal(start, occurrence.Start);
            Assert.Equal(end, occurrence.End);
            Assert.Empty(calendar.Warnings);
        }

        Assert.NotNull(VCalendar.Parse(text.Replace(zoneId, "Interview Local Time", StringComparison.Ordinal)).TimeZones["Interview Local Time"]);
    }
}
