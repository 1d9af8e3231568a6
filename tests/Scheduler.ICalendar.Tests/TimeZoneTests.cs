namespace Scheduler.ICalendar.Tests;

public sealed class TimeZoneTests
{
    [Fact]
    public void WeeklyEvent_NewYorkAcrossDstStart_KeepsLocalTime()
    {
        var starts = Ics.LocalStarts("20260302T100000", "FREQ=WEEKLY;COUNT=3", Ics.NewYork, 2027);
        Assert.Equal(["20260302T1000", "20260309T1000", "20260316T1000"], starts);
        var calendar = Ics.Parse(Ics.Event("UID:t", "DTSTART;TZID=America/New_York:20260302T100000", "DTEND;TZID=America/New_York:20260302T110000", "RRULE:FREQ=WEEKLY;COUNT=2"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 15, 0), occurrences[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 14, 0), occurrences[1].Start);
        Assert.All(occurrences, o => Assert.Equal(Duration.FromHours(1), o.Duration));
    }

    [Fact]
    public void WeeklyEvent_BerlinAcrossDstEnd_KeepsLocalTime()
    {
        var calendar = Ics.Parse(Ics.Event("UID:t", "DTSTART;TZID=Europe/Berlin:20261019T090000", "DTEND;TZID=Europe/Berlin:20261019T093000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal([Instant.FromUtc(2026, 10, 19, 7, 0), Instant.FromUtc(2026, 10, 26, 8, 0)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void DailyEvent_InDstGap_MovesForwardByGap()
    {
        var calendar = Ics.Parse(Ics.Event("UID:t", "DTSTART;TZID=America/New_York:20260307T023000", "RRULE:FREQ=DAILY;COUNT=3"));
        var starts = Ics.Occurrences(calendar, 2026, 2027).Select(o => o.Start).ToList();
        Assert.Equal([Instant.FromUtc(2026, 3, 7, 7, 30), Instant.FromUtc(2026, 3, 8, 7, 30), Instant.FromUtc(2026, 3, 9, 6, 30)], starts);
    }

    [Fact]
    public void DailyEvent_InDstOverlap_TakesEarlierOffset()
    {
        var calendar = Ics.Parse(Ics.Event("UID:t", "DTSTART;TZID=America/New_York:20261031T013000", "RRULE:FREQ=DAILY;COUNT=2"));
        var starts = Ics.Occurrences(calendar, 2026, 2027).Select(o => o.Start).ToList();
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), starts[1]);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")]
    [InlineData("(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna")]
    [InlineData("/freeassociation.sourceforge.net/Tzfile/Europe/Berlin")]
    [InlineData("/mozilla.org/20050126_1/Europe/Berlin")]
    [InlineData("/Europe/Berlin")]
    [InlineData("europe/berlin")]
    public void Tzid_WindowsOutlookAndPrefixedIds_ResolveToBerlinRules(string tzId)
    {
        var calendar = Ics.Parse(Ics.Event("UID:t", $"DTSTART;TZID=\"{tzId}\":20260701T120000"), Ics.Event("UID:u", $"DTSTART;TZID=\"{tzId}\":20260115T120000"));
        var starts = Ics.Occurrences(calendar, 2026, 2027).Select(o => o.Start).ToList();
        Assert.Equal([Instant.FromUtc(2026, 1, 15, 11, 0), Instant.FromUtc(2026, 7, 1, 10, 0)], starts);
        Assert.Empty(calendar.Warnings);
    }

    [Fact]
    public void Tzid_EasternTimeDisplayName_ResolvesToNewYork()
    {
        var calendar = Ics.Parse(Ics.Event("UID:t", "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20260701T120000"));
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 16, 0), Ics.Occurrences(calendar, 2026, 2027).Single().Start);
    }

    [Fact]
    public void Tzid_CustomVtimezone_UsesItsOwnRules()
    {
        var calendar = Ics.Parse(
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone",
            "BEGIN:STANDARD",
            "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0300",
            "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0300",
            "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            Ics.Event("UID:a", "DTSTART;TZID=Customized Time Zone:20260301T120000"),
            Ics.Event("UID:b", "DTSTART;TZID=Customized Time Zone:20260601T120000"),
            Ics.Event("UID:c", "DTSTART;TZID=Customized Time Zone:20260405T023000"));
        var byUid = Ics.Occurrences(calendar, 2026, 2027).ToDictionary(o => o.Uid, o => o.Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 10, 0), byUid["a"]);
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 9, 0), byUid["b"]);
        Assert.Equal(Instant.FromUtc(2026, 4, 5, 0, 30), byUid["c"]);
        Assert.Equal("Customized Time Zone", calendar.TimeZones["Customized Time Zone"]!.Id);
    }

    [Fact]
    public void Tzid_DisplayNameWhoseVtimezoneDisagrees_UsesVtimezone()
    {
        var calendar = Ics.Parse(
            "BEGIN:VTIMEZONE",
            "TZID:(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0100",
            "END:STANDARD",
            "END:VTIMEZONE",
            Ics.Event("UID:a", "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20260701T120000"));
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 11, 0), Ics.Occurrences(calendar, 2026, 2027).Single().Start);
    }

    [Fact]
    public void Floating_UsesCallersZone_UnlessXWrTimezone()
    {
        var plain = Ics.Parse(Ics.Event("UID:a", "DTSTART:20260701T120000"));
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 16, 0), plain.GetOccurrences(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), Ics.NewYork).Single().Start);
        var withDefault = Ics.Parse("X-WR-TIMEZONE:Europe/Berlin", Ics.Event("UID:a", "DTSTART:20260701T120000"));
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 10, 0), withDefault.GetOccurrences(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), Ics.NewYork).Single().Start);
    }

    [Fact]
    public void AllDay_SpansCallersLocalDay()
    {
        var calendar = Ics.Parse("X-WR-TIMEZONE:Europe/Berlin", Ics.Event("UID:a", "DTSTART;VALUE=DATE:20260701"));
        var occurrence = calendar.GetOccurrences(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), Ics.NewYork).Single();
        Assert.True(occurrence.IsAllDay);
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 4, 0), occurrence.Start);
        Assert.Equal(Instant.FromUtc(2026, 7, 2, 4, 0), occurrence.End);
    }
}
