namespace Scheduler.ICalendar.Tests;

public sealed class BrokenInputTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \r\n", 0)]
    [InlineData("hello world", 1)]
    [InlineData("BEGIN:VEVENT\r\nEND:VEVENT", 1)]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION 2.0\r\nEND:VCALENDAR", 2)]
    [InlineData("BEGIN:VCALENDAR\r\nX-A;P=\"open:v\r\nEND:VCALENDAR", 2)]
    [InlineData("END:VCALENDAR", 1)]
    [InlineData("VERSION:2.0\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR", 1)]
    public void Parse_StructurallyBroken_ThrowsWithLineNumber(string text, int line)
    {
        var error = Assert.Throws<ICalendarParseException>(() => VCalendar.Parse(text));
        Assert.Equal(line, error.LineNumber);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Parse_MistypedEnd_SkipsThatEventKeepsTheRestAndIsPartial()
    {
        var calendar = VCalendar.Parse(Ics.Calendar(
            "BEGIN:VEVENT", "UID:first", "DTSTART:20240101T100000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:typo", "DTSTART:20240102T100000Z", "END:VEVNT",
            "BEGIN:VEVENT", "UID:last", "DTSTART:20240103T100000Z", "END:VEVENT"));

        Assert.Equal(["first", "last"], calendar.Events.Select(e => e.Uid));
        Assert.True(calendar.IsPartial);
        var skipped = Assert.Single(calendar.Warnings, w => w.Skipped);
        Assert.Contains("END:VEVNT", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingEndBeforeTheNextEvent_SkipsTheUnclosedEventOnly()
    {
        var calendar = VCalendar.Parse(Ics.Calendar(
            "BEGIN:VEVENT", "UID:open", "DTSTART:20240101T100000Z",
            "BEGIN:VEVENT", "UID:closed", "DTSTART:20240102T100000Z", "END:VEVENT"));

        Assert.Equal(["closed"], calendar.Events.Select(e => e.Uid));
        Assert.True(calendar.IsPartial);
    }

    [Fact]
    public void Parse_EventOpenAtEndOfCalendar_SkippedAndTheCalendarKept()
    {
        var calendar = VCalendar.Parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:good\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR");

        Assert.Equal(["good"], calendar.Events.Select(e => e.Uid));
        Assert.Equal(6, Assert.Single(calendar.Warnings, w => w.Skipped).LineNumber);
    }

    [Fact]
    public void Parse_MissingEndVcalendar_ReadToTheEndWithAWarningNotPartial()
    {
        var calendar = VCalendar.Parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\n");

        Assert.Equal(["a"], calendar.Events.Select(e => e.Uid));
        Assert.False(calendar.IsPartial);
        Assert.Contains(calendar.Warnings, w => w.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Occurrences_UnboundedSecondlyRule_ReportsTheSeriesAsCut()
    {
        var calendar = Ics.Parse(Ics.Event("UID:flood", "DTSTART:20240101T000000Z", "DTEND:20240101T000001Z", "RRULE:FREQ=SECONDLY"), Ics.Event("UID:plain", "DTSTART:20240105T100000Z"));

        var busy = calendar.GetBusyIntervals(NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0), NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0), Ics.Utc);

        Assert.Equal(["flood"], busy.CutSeries);
    }

    [Fact]
    public void Occurrences_BoundedDailyRule_NotCut()
    {
        var calendar = Ics.Parse(Ics.Event("UID:daily", "DTSTART:20240101T090000Z", "DTEND:20240101T100000Z", "RRULE:FREQ=DAILY"));

        var busy = calendar.GetBusyIntervals(NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0), NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0), Ics.Utc);

        Assert.Empty(busy.CutSeries);
        Assert.Equal(60, busy.Count);
    }

    [Fact]
    public void Parse_EventWithoutDtstart_IsSkippedWithWarning()
    {
        var calendar = Ics.Parse(Ics.Event("UID:bad", "SUMMARY:no start"), Ics.Event("UID:good", "DTSTART:20240101T100000Z"));
        Assert.Equal("good", calendar.Events.Single().Uid);
        Assert.Contains(calendar.Warnings, w => w.Message.Contains("bad", StringComparison.Ordinal) && w.Message.Contains("DTSTART", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnreadableDtstart_IsSkippedWithWarning()
    {
        var calendar = Ics.Parse(Ics.Event("UID:bad", "DTSTART:2024-01-01"), Ics.Event("UID:good", "DTSTART:20240101T100000Z"));
        Assert.Equal("good", calendar.Events.Single().Uid);
        Assert.Single(calendar.Warnings);
    }

    [Fact]
    public void Parse_MalformedLineInsideEvent_IsDroppedWithWarning()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART:20240101T100000Z", "this line has no colon"));
        Assert.Single(calendar.Events);
        Assert.Contains(calendar.Warnings, w => w.LineNumber == 7);
    }

    [Fact]
    public void Parse_InvalidRrule_KeepsDtstartAndWarns()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART:20240101T100000Z", "RRULE:FREQ=WEEKLY;UNTL=20240301"));
        Assert.Single(Ics.Occurrences(calendar, 2024, 2026));
        Assert.Contains(calendar.Warnings, w => w.Message.Contains("RRULE", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownTzidWithoutVtimezone_IsFloatingWithWarning()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART;TZID=Mars/Olympus:20240101T100000"));
        var occurrence = calendar.GetOccurrences(NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0), NodaTime.Instant.FromUtc(2024, 1, 2, 0, 0), Ics.Berlin).Single();
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 1, 1, 9, 0), occurrence.Start);
        Assert.Contains(calendar.Warnings, w => w.Message.Contains("Mars/Olympus", StringComparison.Ordinal));
    }
}
