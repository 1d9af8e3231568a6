namespace Scheduler.ICalendar.Tests;

public sealed class ValueTests
{
    [Theory]
    [InlineData("PT1H30M", 0, 5400)]
    [InlineData("P1D", 1, 0)]
    [InlineData("P2W", 14, 0)]
    [InlineData("-PT15M", 0, -900)]
    [InlineData("+P1DT2H3M4S", 1, 7384)]
    [InlineData("PT0S", 0, 0)]
    [InlineData("P1W2D", 9, 0)]
    public void DurationParse_ValidText_GivesNominalDaysAndExactTime(string text, int days, int seconds)
    {
        var duration = CalendarDuration.Parse(text);
        Assert.Equal(days, duration.Days);
        Assert.Equal(Duration.FromSeconds(seconds), duration.Time);
    }

    [Theory]
    [InlineData("1H")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1.5D")]
    public void DurationParse_InvalidText_Throws(string text) =>
        Assert.Throws<FormatException>(() => CalendarDuration.Parse(text));

    [Theory]
    [InlineData("PT1H30M")]
    [InlineData("P1DT2H")]
    [InlineData("-PT15M")]
    [InlineData("PT0S")]
    public void DurationToString_Canonical_RoundTrips(string text) =>
        Assert.Equal(text, CalendarDuration.Parse(text).ToString());

    [Fact]
    public void DurationAddTo_DayAcrossDst_IsNominal()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var start = new LocalDateTime(2026, 3, 28, 12, 0);
        Assert.Equal(Duration.FromHours(23), CalendarDuration.Parse("P1D").AddTo(start, berlin) - berlin.AtStrictly(start).ToInstant());
        Assert.Equal(Duration.FromHours(24), CalendarDuration.Parse("PT24H").AddTo(start, berlin) - berlin.AtStrictly(start).ToInstant());
    }

    [Theory]
    [InlineData("20240229", CalendarDateTimeKind.Date)]
    [InlineData("20240229T101500", CalendarDateTimeKind.Floating)]
    [InlineData("20240229T101500Z", CalendarDateTimeKind.Utc)]
    public void DateTimeParse_Forms_AreRecognised(string text, CalendarDateTimeKind kind)
    {
        var value = CalendarDateTime.Parse(text);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void DateTimeParse_WithTzid_IsZoned()
    {
        var value = CalendarDateTime.Parse("20240229T101500", "Europe/Berlin");
        Assert.Equal(CalendarDateTimeKind.Zoned, value.Kind);
        Assert.Equal("Europe/Berlin", value.TzId);
    }

    [Theory]
    [InlineData("20230229")]
    [InlineData("20240101T250000")]
    [InlineData("2024-01-01")]
    [InlineData("20240101T1000")]
    public void DateTimeParse_Invalid_Throws(string text) =>
        Assert.Throws<FormatException>(() => CalendarDateTime.Parse(text));

    [Fact]
    public void PeriodParse_ExplicitEndAndDuration_AreBothRead()
    {
        var explicitEnd = CalendarPeriod.Parse("19970101T180000Z/19970102T070000Z");
        Assert.Equal(CalendarDateTime.Parse("19970102T070000Z"), explicitEnd.End);
        var withDuration = CalendarPeriod.Parse("19970101T180000Z/PT5H30M");
        Assert.Equal(Duration.FromMinutes(330), withDuration.Duration!.Value.Time);
    }
}
