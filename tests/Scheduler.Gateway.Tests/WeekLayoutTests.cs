using Scheduler.Gateway.Web.Calendar;
using Scheduler.Grains.Common;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The week calendar's layout across DST changes in America/New_York: the day's axis is the wall clock, and a piece whose
/// local end is not after its local start (clocks went back) is drawn for its real elapsed minutes.
/// </summary>
public sealed class WeekLayoutTests
{
    private const string Zone = "America/New_York";

    // The week of Sun 1 Nov 2026, when America/New_York falls back at 06:00 UTC (02:00 EDT becomes 01:00 EST).
    private static readonly DateOnly FallBackWeek = new(2026, 10, 26);

    [Fact]
    public void Build_EntryInTheRepeatedHourAfterFallBack_DrawnForItsElapsedHourWithItsLocalTimes()
    {
        // 05:30Z is 01:30 EDT, 06:30Z is 01:30 EST: an hour long, though it starts and ends at 01:30 on the clock.
        var week = WeekLayout.Build(Zone, FallBackWeek, [Entry(new(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 30, 0, TimeSpan.Zero))], []);

        var block = Assert.Single(week.Days[6].Entries);
        Assert.Equal("01:30–01:30", block.TimeText);
        Assert.Equal(1, week.FirstHour);
        Assert.Equal(18, week.LastHour);
        AssertDrawn(week, block, fromMinute: 90, toMinute: 150);
    }

    [Fact]
    public void Build_EntryEndingEarlierOnTheClockAfterFallBack_DrawnForItsElapsedMinutes()
    {
        // 05:45Z is 01:45 EDT, 06:15Z is 01:15 EST: 30 minutes.
        var week = WeekLayout.Build(Zone, FallBackWeek, [Entry(new(2026, 11, 1, 5, 45, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 15, 0, TimeSpan.Zero))], []);

        var block = Assert.Single(week.Days[6].Entries);
        Assert.Equal("01:45–01:15", block.TimeText);
        AssertDrawn(week, block, fromMinute: 105, toMinute: 135);
    }

    [Fact]
    public void Build_EntrySpanningTheFallBack_DrawnFromItsLocalStartToItsLocalEnd()
    {
        // 04:30Z is 00:30 EDT, 07:30Z is 02:30 EST: on the wall clock it runs 00:30–02:30, which is where later entries sit.
        var week = WeekLayout.Build(Zone, FallBackWeek, [Entry(new(2026, 11, 1, 4, 30, 0, TimeSpan.Zero), new(2026, 11, 1, 7, 30, 0, TimeSpan.Zero))], []);

        var block = Assert.Single(week.Days[6].Entries);
        Assert.Equal("00:30–02:30", block.TimeText);
        AssertDrawn(week, block, fromMinute: 30, toMinute: 150);
    }

    [Fact]
    public void Build_WorkingTimeAcrossSpringForward_EndsAtItsLocalEnd()
    {
        // America/New_York springs forward at 07:00 UTC on Sun 8 Mar 2026 (02:00 EST becomes 03:00 EDT): 05:00Z–12:00Z is 00:00–08:00 local.
        var week = WeekLayout.Build(Zone, new DateOnly(2026, 3, 2), [], [new TimeRange(new(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), new(2026, 3, 8, 12, 0, 0, TimeSpan.Zero))]);

        var block = Assert.Single(week.Days[6].Working);
        Assert.Equal("00:00–08:00", block.TimeText);
        AssertDrawn(week, block, fromMinute: 0, toMinute: 480);
    }

    private static CalendarEntry Entry(DateTimeOffset start, DateTimeOffset end) => new(start, end, CalendarEntryKind.Calendar, "1:1");

    private static void AssertDrawn(WeekView week, WeekBlock block, int fromMinute, int toMinute)
    {
        double Percent(int minute) => Math.Round(100.0 * (minute - (week.FirstHour * 60)) / ((week.LastHour - week.FirstHour) * 60), 3);
        Assert.Equal(Percent(fromMinute), block.TopPercent, 3);
        Assert.Equal(Percent(toMinute) - Percent(fromMinute), block.HeightPercent, 3);
    }
}
