using Scheduler.ICalendar.Recurrence;

namespace Scheduler.ICalendar.Tests;

/// <summary>Examples of RFC 5545 §3.8.5.3 (DTSTART in America/New_York), plus one test per rule part.</summary>
public sealed class RecurrenceRuleTests
{
    private static IReadOnlyList<string> Starts(string dtstart, string rrule, int toYear = 2010) =>
        Ics.LocalStarts(dtstart, rrule, Ics.NewYork, toYear);

    [Fact]
    public void Daily_Count10_GivesTenDays() =>
        Assert.Equal(
            ["19970902", "19970903", "19970904", "19970905", "19970906", "19970907", "19970908", "19970909", "19970910", "19970911"],
            Ics.Dates(Starts("19970902T090000", "FREQ=DAILY;COUNT=10")));

    [Fact]
    public void Daily_Interval10Count5_SkipsTenDays() =>
        Assert.Equal(["19970902", "19970912", "19970922", "19971002", "19971012"], Ics.Dates(Starts("19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5")));

    [Fact]
    public void Weekly_UntilUtc_TuesdaysAndThursdaysForFiveWeeks() =>
        Assert.Equal(
            ["19970902", "19970904", "19970909", "19970911", "19970916", "19970918", "19970923", "19970925", "19970930", "19971002"],
            Ics.Dates(Starts("19970902T090000", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH")));

    [Fact]
    public void Weekly_EveryOtherWeekUntil_IncludesDtstartAndMoWeFr()
    {
        var dates = Ics.Dates(Starts("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"));
        Assert.Equal(["19970902", "19970903", "19970905", "19970915", "19970917", "19970919", "19970929", "19971001", "19971003"], dates.Take(9));
        Assert.Equal(25, dates.Count);
        Assert.Equal("19971222", dates[^1]);
    }

    [Theory]
    [InlineData("MO", new[] { "19970805", "19970810", "19970819", "19970824" })]
    [InlineData("SU", new[] { "19970805", "19970817", "19970819", "19970831" })]
    public void Weekly_Wkst_ChangesWhichWeekAnInstanceBelongsTo(string wkst, string[] expected) =>
        Assert.Equal(expected, Ics.Dates(Starts("19970805T090000", $"FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST={wkst}")));

    [Fact]
    public void Monthly_FirstFriday_Count10() =>
        Assert.Equal(
            ["19970905", "19971003", "19971107", "19971205", "19980102", "19980206", "19980306", "19980403", "19980501", "19980605"],
            Ics.Dates(Starts("19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR")));

    [Fact]
    public void Monthly_SecondToLastMonday_Count6() =>
        Assert.Equal(["19970922", "19971020", "19971117", "19971222", "19980119", "19980216"], Ics.Dates(Starts("19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO")));

    [Fact]
    public void Monthly_NegativeMonthDay_ThirdToLastDay() =>
        Assert.Equal(["19970928", "19971029", "19971128", "19971229", "19980129", "19980226"], Ics.Dates(Starts("19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3;COUNT=6")));

    [Fact]
    public void Monthly_BySetPos3_ThirdTuWeThOfMonth() =>
        Assert.Equal(["19970904", "19971007", "19971106"], Ics.Dates(Starts("19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3")));

    [Fact]
    public void Monthly_BySetPosMinus1_LastWorkDayOfMonth()
    {
        var rule = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=7");
        var dates = new RecurrenceExpander(rule, new LocalDateTime(1997, 9, 29, 9, 0)).Expand(null, null).Select(d => d.Date).ToList();
        Assert.Equal(
            [new LocalDate(1997, 9, 30), new LocalDate(1997, 10, 31), new LocalDate(1997, 11, 28), new LocalDate(1997, 12, 31), new LocalDate(1998, 1, 30), new LocalDate(1998, 2, 27), new LocalDate(1998, 3, 31)],
            dates);
    }

    [Fact]
    public void Monthly_InvalidDay30_IsSkippedInFebruary() =>
        Assert.Equal(["20070115", "20070130", "20070215", "20070315", "20070330"], Ics.Dates(Starts("20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5")));

    [Fact]
    public void Monthly_FridayThe13th_IntersectsByDayAndByMonthDay() =>
        Assert.Equal(
            ["19980213", "19980313", "19981113", "19990813", "20001013"],
            Ics.Dates(Ics.LocalStarts("19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", Ics.NewYork, 2001, "EXDATE;TZID=America/New_York:19970902T090000")));

    [Fact]
    public void Yearly_ByMonth_JuneAndJuly() =>
        Assert.Equal(
            ["19970610", "19970710", "19980610", "19980710", "19990610", "19990710", "20000610", "20000710", "20010610", "20010710"],
            Ics.Dates(Starts("19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7")));

    [Fact]
    public void Yearly_ByYearDayEveryThirdYear() =>
        Assert.Equal(
            ["19970101", "19970410", "19970719", "20000101", "20000409", "20000718", "20030101", "20030410", "20030719", "20060101"],
            Ics.Dates(Starts("19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200")));

    [Fact]
    public void Yearly_ByWeekNo20Monday() =>
        Assert.Equal(["19970512", "19980511", "19990517"], Ics.Dates(Starts("19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", 2000)));

    [Fact]
    public void Yearly_ByWeekNo1_CanFallInPreviousDecember()
    {
        var rule = RecurrenceRule.Parse("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;COUNT=3");
        var dates = new RecurrenceExpander(rule, new LocalDateTime(1997, 1, 1, 9, 0)).Expand(null, null).Select(d => d.Date).ToList();
        Assert.Equal([new LocalDate(1997, 12, 29), new LocalDate(1999, 1, 4), new LocalDate(2000, 1, 3)], dates);
    }

    [Fact]
    public void Yearly_ElectionDay_TuesdayAfterFirstMondayOfNovember() =>
        Assert.Equal(["19961105", "20001107", "20041102"], Ics.Dates(Starts("19961105T090000", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", 2005)));

    [Fact]
    public void Yearly_OrdinalWeekdayInYear_20thMonday() =>
        Assert.Equal(["19970519", "19980518", "19990517"], Ics.Dates(Starts("19970519T090000", "FREQ=YEARLY;BYDAY=20MO", 2000)));

    [Fact]
    public void Hourly_Interval3Until_StopsInclusive() =>
        Assert.Equal(["19970902T0900", "19970902T1200", "19970902T1500"], Starts("19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T190000Z"));

    [Fact]
    public void Minutely_Interval15Count6() =>
        Assert.Equal(
            ["19970902T0900", "19970902T0915", "19970902T0930", "19970902T0945", "19970902T1000", "19970902T1015"],
            Starts("19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6"));

    [Fact]
    public void Minutely_WithByHour_EqualsDailyWithByHourByMinute()
    {
        var daily = Starts("19970902T090000", "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40;COUNT=48");
        var minutely = Starts("19970902T090000", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16;COUNT=48");
        Assert.Equal(48, daily.Count);
        Assert.Equal(daily, minutely);
        Assert.Equal("19970902T1640", daily[23]);
        Assert.Equal("19970903T0900", daily[24]);
    }

    [Fact]
    public void Secondly_Interval30Count3()
    {
        var rule = RecurrenceRule.Parse("FREQ=SECONDLY;INTERVAL=30;COUNT=3");
        var times = new RecurrenceExpander(rule, new LocalDateTime(2024, 1, 1, 9, 0, 0)).Expand(null, null).ToList();
        Assert.Equal([new LocalDateTime(2024, 1, 1, 9, 0, 0), new LocalDateTime(2024, 1, 1, 9, 0, 30), new LocalDateTime(2024, 1, 1, 9, 1, 0)], times);
    }

    [Fact]
    public void Secondly_BySecondAndByMinute_Limit()
    {
        var rule = RecurrenceRule.Parse("FREQ=SECONDLY;BYMINUTE=5;BYSECOND=10,20;COUNT=3");
        var times = new RecurrenceExpander(rule, new LocalDateTime(2024, 1, 1, 9, 0, 0)).Expand(null, null).ToList();
        Assert.Equal([new LocalDateTime(2024, 1, 1, 9, 5, 10), new LocalDateTime(2024, 1, 1, 9, 5, 20), new LocalDateTime(2024, 1, 1, 10, 5, 10)], times);
    }

    [Fact]
    public void Expand_RuleThatNeverMatches_TerminatesEmpty()
    {
        var rule = RecurrenceRule.Parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
        Assert.Empty(new RecurrenceExpander(rule, new LocalDateTime(2024, 1, 1, 9, 0)).Expand(null, null));
    }

    [Fact]
    public void Expand_UnboundedRule_IsLazy()
    {
        var rule = RecurrenceRule.Parse("FREQ=SECONDLY");
        Assert.Equal(5, new RecurrenceExpander(rule, new LocalDateTime(2024, 1, 1, 9, 0)).Expand(null, null).Take(5).Count());
    }

    [Fact]
    public void Expand_SkipHint_DoesNotChangeResultsInWindow()
    {
        var rule = RecurrenceRule.Parse("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR");
        var start = new LocalDateTime(2000, 1, 3, 9, 0);
        var from = new LocalDateTime(2024, 6, 1, 0, 0);
        var all = new RecurrenceExpander(rule, start).Expand(null, null).SkipWhile(t => t < from).Take(10).ToList();
        var hinted = new RecurrenceExpander(rule, start).Expand(null, from).SkipWhile(t => t < from).Take(10).ToList();
        Assert.Equal(all, hinted);
    }

    [Theory]
    [InlineData("BYDAY=MO")]
    [InlineData("FREQ=FORTNIGHTLY")]
    [InlineData("FREQ=DAILY;BYHOUR=24")]
    [InlineData("FREQ=DAILY;INTERVAL=0")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("FREQ=WEEKLY;UNTL=20240101")]
    public void Parse_InvalidRule_Throws(string text) =>
        Assert.Throws<FormatException>(() => RecurrenceRule.Parse(text));

    [Fact]
    public void Parse_AllParts_RoundTripThroughToString()
    {
        const string text = "FREQ=YEARLY;UNTIL=20300101T000000Z;INTERVAL=2;BYSECOND=0;BYMINUTE=30;BYHOUR=9;BYDAY=-1SU,2MO;BYMONTHDAY=-1;BYYEARDAY=100;BYWEEKNO=20;BYMONTH=3;BYSETPOS=1;WKST=SU";
        Assert.Equal(text, RecurrenceRule.Parse(text).ToString());
    }
}
