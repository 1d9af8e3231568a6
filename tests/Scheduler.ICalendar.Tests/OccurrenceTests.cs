namespace Scheduler.ICalendar.Tests;

public sealed class OccurrenceTests
{
    [Fact]
    public void Exdate_RemovesInstance_AndRdateAddsOne()
    {
        var calendar = Ics.Parse(Ics.Event(
            "UID:a",
            "DTSTART;TZID=Europe/Berlin:20260105T090000",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;COUNT=3",
            "EXDATE;TZID=Europe/Berlin:20260106T090000",
            "RDATE;TZID=Europe/Berlin:20260110T140000",
            "RDATE;VALUE=PERIOD:20260111T100000Z/PT3H"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(
            [Instant.FromUtc(2026, 1, 5, 8, 0), Instant.FromUtc(2026, 1, 7, 8, 0), Instant.FromUtc(2026, 1, 10, 13, 0), Instant.FromUtc(2026, 1, 11, 10, 0)],
            occurrences.Select(o => o.Start));
        Assert.Equal(Duration.FromHours(3), occurrences[^1].Duration);
        Assert.Equal(Duration.FromHours(1), occurrences[2].Duration);
    }

    [Fact]
    public void Exdate_UtcValue_MatchesZonedInstance()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART;TZID=Europe/Berlin:20260105T090000", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260106T080000Z"));
        Assert.Equal(2, Ics.Occurrences(calendar, 2026, 2027).Count);
    }

    [Fact]
    public void RecurrenceId_Override_ReplacesOneInstance()
    {
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "SUMMARY:Standup", "DTSTART;TZID=Europe/Berlin:20260105T090000", "DTEND;TZID=Europe/Berlin:20260105T091500", "RRULE:FREQ=DAILY;COUNT=3"),
            Ics.Event("UID:a", "SUMMARY:Moved", "RECURRENCE-ID;TZID=Europe/Berlin:20260106T090000", "DTSTART;TZID=Europe/Berlin:20260106T160000", "DTEND;TZID=Europe/Berlin:20260106T170000", "SEQUENCE:1"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(["Standup", "Moved", "Standup"], occurrences.Select(o => o.Summary));
        Assert.Equal(Instant.FromUtc(2026, 1, 6, 15, 0), occurrences[1].Start);
        Assert.Equal(CalendarDateTime.InZone(new LocalDateTime(2026, 1, 6, 9, 0), "Europe/Berlin"), occurrences[1].RecurrenceId);
    }

    [Fact]
    public void RecurrenceId_OverrideMovedIntoWindow_IsReturned_AndMovedOut_IsNot()
    {
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "DTSTART:20260105T090000Z", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4"),
            Ics.Event("UID:a", "RECURRENCE-ID:20260112T090000Z", "DTSTART:20260301T090000Z", "DURATION:PT1H"));
        var january = calendar.GetOccurrences(Instant.FromUtc(2026, 1, 10, 0, 0), Instant.FromUtc(2026, 1, 15, 0, 0), Ics.Utc);
        Assert.Empty(january);
        var march = calendar.GetOccurrences(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 3, 2, 0, 0), Ics.Utc);
        Assert.Single(march);
    }

    [Fact]
    public void ThisAndFuture_ShiftsAndReshapesLaterInstances()
    {
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "SUMMARY:Old", "DTSTART:20260105T090000Z", "DTEND:20260105T100000Z", "RRULE:FREQ=DAILY;COUNT=5"),
            Ics.Event("UID:a", "SUMMARY:New", "RECURRENCE-ID;RANGE=THISANDFUTURE:20260107T090000Z", "DTSTART:20260107T110000Z", "DTEND:20260107T113000Z", "SEQUENCE:1"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(
            [Instant.FromUtc(2026, 1, 5, 9, 0), Instant.FromUtc(2026, 1, 6, 9, 0), Instant.FromUtc(2026, 1, 7, 11, 0), Instant.FromUtc(2026, 1, 8, 11, 0), Instant.FromUtc(2026, 1, 9, 11, 0)],
            occurrences.Select(o => o.Start));
        Assert.Equal(["Old", "Old", "New", "New", "New"], occurrences.Select(o => o.Summary));
        Assert.All(occurrences.Skip(2), o => Assert.Equal(Duration.FromMinutes(30), o.Duration));
    }

    [Fact]
    public void ThisAndFuture_LaterSingleOverride_StillWins()
    {
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "DTSTART:20260105T090000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=4"),
            Ics.Event("UID:a", "RECURRENCE-ID;RANGE=THISANDFUTURE:20260106T090000Z", "DTSTART:20260106T100000Z", "DURATION:PT1H"),
            Ics.Event("UID:a", "SUMMARY:Special", "RECURRENCE-ID:20260107T090000Z", "DTSTART:20260107T150000Z", "DURATION:PT1H"));
        var starts = Ics.Occurrences(calendar, 2026, 2027).Select(o => o.Start.InUtc().Hour).ToList();
        Assert.Equal([9, 10, 15, 10], starts);
    }

    [Fact]
    public void ThisAndFuture_ZonedSeriesMovedAcrossDst_LaterInstancesKeepTheWallClock()
    {
        // Weekly Friday 10:00 Berlin; from 13 March 2026 on it moves to the following Monday 10:00 (72 h in CET).
        // Friday 27 March 10:00 CET → Monday 30 March 10:00 CEST (08:00Z); DST starts Sunday 29 March.
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "DTSTART;TZID=Europe/Berlin:20260306T100000", "DTEND;TZID=Europe/Berlin:20260306T110000", "RRULE:FREQ=WEEKLY;COUNT=6"),
            Ics.Event("UID:a", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260313T100000", "DTSTART;TZID=Europe/Berlin:20260316T100000", "DTEND;TZID=Europe/Berlin:20260316T110000", "SEQUENCE:1"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(
            [new LocalDateTime(2026, 3, 6, 10, 0), new(2026, 3, 16, 10, 0), new(2026, 3, 23, 10, 0), new(2026, 3, 30, 10, 0), new(2026, 4, 6, 10, 0), new(2026, 4, 13, 10, 0)],
            occurrences.Select(o => o.Start.InZone(Ics.Berlin).LocalDateTime));
        Assert.All(occurrences, o => Assert.Equal(Duration.FromHours(1), o.Duration));
    }

    [Fact]
    public void ThisAndFuture_MovedLocalTimeInDstGap_MovesForwardByTheGap()
    {
        // Weekly Monday 02:30 Berlin; from 16 March 2026 on it moves to the Sunday before. Monday 30 March 02:30 CEST
        // becomes Sunday 29 March 02:30, which does not exist (02:00 CET → 03:00 CEST): 03:30 CEST, as everywhere else.
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "DTSTART;TZID=Europe/Berlin:20260309T023000", "DTEND;TZID=Europe/Berlin:20260309T033000", "RRULE:FREQ=WEEKLY;COUNT=5"),
            Ics.Event("UID:a", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260316T023000", "DTSTART;TZID=Europe/Berlin:20260315T023000", "DTEND;TZID=Europe/Berlin:20260315T033000", "SEQUENCE:1"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(
            [new LocalDateTime(2026, 3, 9, 2, 30), new(2026, 3, 15, 2, 30), new(2026, 3, 22, 2, 30), new(2026, 3, 29, 3, 30), new(2026, 4, 5, 2, 30)],
            occurrences.Select(o => o.Start.InZone(Ics.Berlin).LocalDateTime));
        Assert.All(occurrences, o => Assert.Equal(Duration.FromHours(1), o.Duration));
    }

    [Fact]
    public void ThisAndFuture_AllDaySeriesMovedOntoDstDay_LastsThatWholeDay()
    {
        // Weekly all-day Saturday, in Berlin; from 14 March 2026 on it moves to the Sunday after. Saturday 28 March
        // becomes Sunday 29 March, which has 23 hours (CET to CEST): 23:00Z to 22:00Z.
        var calendar = Ics.Parse(
            Ics.Event("UID:a", "DTSTART;VALUE=DATE:20260307", "DTEND;VALUE=DATE:20260308", "RRULE:FREQ=WEEKLY;COUNT=5"),
            Ics.Event("UID:a", "RECURRENCE-ID;RANGE=THISANDFUTURE;VALUE=DATE:20260314", "DTSTART;VALUE=DATE:20260315", "DTEND;VALUE=DATE:20260316", "SEQUENCE:1"));
        var occurrences = Ics.Occurrences(calendar, 2026, 2027, Ics.Berlin);
        var dstDay = occurrences.Single(o => o.Start == Instant.FromUtc(2026, 3, 28, 23, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 22, 0), dstDay.End);
        Assert.Equal(
            [new LocalDate(2026, 3, 7), new(2026, 3, 15), new(2026, 3, 22), new(2026, 3, 29), new(2026, 4, 5)],
            occurrences.Select(o => o.Start.InZone(Ics.Berlin).Date));
        Assert.All(occurrences, o => Assert.Equal(o.Start.InZone(Ics.Berlin).Date.PlusDays(1), o.End.InZone(Ics.Berlin).Date));
    }

    [Fact]
    public void BusyIntervals_ExcludeCancelledAndTransparent()
    {
        var calendar = Ics.Parse(
            Ics.Event("UID:busy", "DTSTART:20260105T090000Z", "DURATION:PT1H"),
            Ics.Event("UID:cancelled", "STATUS:CANCELLED", "DTSTART:20260105T110000Z", "DURATION:PT1H"),
            Ics.Event("UID:free", "TRANSP:TRANSPARENT", "DTSTART:20260105T130000Z", "DURATION:PT1H"),
            Ics.Event("UID:series", "DTSTART:20260106T090000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2"),
            Ics.Event("UID:series", "RECURRENCE-ID:20260107T090000Z", "STATUS:CANCELLED", "DTSTART:20260107T090000Z", "DURATION:PT1H"));
        var all = Ics.Occurrences(calendar, 2026, 2027);
        Assert.Equal(5, all.Count);
        var busy = calendar.GetBusyIntervals(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), Ics.Utc);
        Assert.Equal(["busy", "series"], busy.Select(o => o.Uid));
        Assert.Equal(EventTransparency.Transparent, all.Single(o => o.Uid == "free").Transparency);
        Assert.Equal(EventStatus.Cancelled, all.Single(o => o.Uid == "cancelled").Status);
    }

    [Fact]
    public void DefaultDurations_FollowRfc5545Section361()
    {
        var calendar = Ics.Parse(Ics.Event("UID:d", "DTSTART;VALUE=DATE:20260105"), Ics.Event("UID:t", "DTSTART:20260105T090000Z"));
        var byUid = Ics.Occurrences(calendar, 2026, 2027).ToDictionary(o => o.Uid);
        Assert.Equal(Duration.FromDays(1), byUid["d"].Duration);
        Assert.Equal(Duration.Zero, byUid["t"].Duration);
    }

    [Fact]
    public void Window_OccurrenceSpanningStart_IsIncluded_AndWindowIsHalfOpen()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART:20260105T230000Z", "DTEND:20260106T010000Z"), Ics.Event("UID:b", "DTSTART:20260106T020000Z", "DURATION:PT1H"));
        var result = calendar.GetOccurrences(Instant.FromUtc(2026, 1, 6, 0, 0), Instant.FromUtc(2026, 1, 6, 2, 0), Ics.Utc);
        Assert.Equal(["a"], result.Select(o => o.Uid));
    }

    [Fact]
    public void GetOccurrences_EndBeforeStart_Throws()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART:20260105T230000Z"));
        Assert.Throws<ArgumentException>(() => calendar.GetOccurrences(Instant.FromUtc(2026, 1, 2, 0, 0), Instant.FromUtc(2026, 1, 1, 0, 0), Ics.Utc));
    }

    [Fact]
    public void InfiniteSeries_FarWindow_IsExpandedOnlyThere()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART;TZID=Europe/Berlin:20000103T090000", "DURATION:PT30M", "RRULE:FREQ=MINUTELY;INTERVAL=30;BYHOUR=9,10"));
        var result = calendar.GetOccurrences(Instant.FromUtc(2030, 6, 3, 0, 0), Instant.FromUtc(2030, 6, 4, 0, 0), Ics.Utc);
        Assert.Equal(4, result.Count);
        Assert.Equal(Instant.FromUtc(2030, 6, 3, 7, 0), result[0].Start);
    }

    [Fact]
    public void UntilAsDate_OnDateTimeSeries_IncludesThatDay()
    {
        var calendar = Ics.Parse(Ics.Event("UID:a", "DTSTART;TZID=Europe/Berlin:20260105T140000", "RRULE:FREQ=DAILY;UNTIL=20260107"));
        Assert.Equal(3, Ics.Occurrences(calendar, 2026, 2027).Count);
    }
}
