using Scheduler.Scheduling.Prep;
using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class PrepPlannerTests
{
    private static readonly DateTimeZone Zone = Berlin;
    private static readonly Instant Now = At(Berlin, 2026, 3, 2, 8);
    private static readonly Instant Interview = At(Berlin, 2026, 3, 20, 10);

    private static IntervalSet FreeEveryDay(int fromHour, int toHour) =>
        WorkingHours.Materialize(Zone, [new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(fromHour, 0), new LocalTime(toHour, 0))], [], new TimeInterval(Now, Interview));

    [Fact]
    public void Plan_EnoughTime_TotalsExactlyWithinCapsBlockSizesAndFreeTime()
    {
        var free = FreeEveryDay(9, 18);
        var request = new PrepPlanRequest(Interview, free, Zone, 40 * 60) { DailyCapMinutes = 240, MinBlockMinutes = 60, MaxBlockMinutes = 120, NoPrepHoursBeforeInterview = 24 };

        var plan = PrepPlanner.Plan(request, Now);

        Assert.True(plan.IsComplete);
        Assert.Equal(2400, plan.PlannedMinutes);
        Assert.Equal(2400, plan.Blocks.Sum(b => (int)b.Duration.TotalMinutes));
        Assert.All(plan.Blocks, b =>
        {
            Assert.InRange(b.Duration.TotalMinutes, 60, 120);
            Assert.True(free.Contains(b));
            Assert.True(b.End <= Interview - Duration.FromHours(24));
            Assert.True(b.Start >= Now);
        });
        Assert.All(plan.Blocks.GroupBy(b => b.Start.InZone(Zone).Date), day => Assert.True(day.Sum(b => b.Duration.TotalMinutes) <= 240));
        Assert.All(plan.Blocks.Zip(plan.Blocks.Skip(1)), p => Assert.False(p.First.Overlaps(p.Second)));
    }

    [Fact]
    public void Plan_FrontLoaded_EarlyDaysFullLastDaysEmpty()
    {
        var request = new PrepPlanRequest(Interview, FreeEveryDay(9, 18), Zone, 20 * 60) { DailyCapMinutes = 240, NoPrepHoursBeforeInterview = 12 };

        var plan = PrepPlanner.Plan(request, Now);

        var perDay = plan.Blocks.GroupBy(b => b.Start.InZone(Zone).Date).ToDictionary(g => g.Key, g => g.Sum(b => b.Duration.TotalMinutes));
        Assert.Equal(5, perDay.Count);
        Assert.Equal(new LocalDate(2026, 3, 2), perDay.Keys.Min());
        Assert.All(perDay.Values, minutes => Assert.Equal(240, minutes));
        Assert.True(plan.Blocks[^1].End < Interview - Duration.FromDays(7));
    }

    [Fact]
    public void Plan_NotEnoughFreeTime_ReportsShortfallHonestly()
    {
        var free = FreeEveryDay(9, 10); // one hour a day
        var request = new PrepPlanRequest(Interview, free, Zone, 50 * 60) { NoPrepHoursBeforeInterview = 48 };

        var plan = PrepPlanner.Plan(request, Now);

        Assert.False(plan.IsComplete);
        Assert.Equal(plan.Blocks.Sum(b => (int)b.Duration.TotalMinutes), plan.PlannedMinutes);
        Assert.Equal(3000 - plan.PlannedMinutes, plan.ShortfallMinutes);
        Assert.Equal(17 * 60, plan.PlannedMinutes); // 2026-03-02 … 2026-03-18 at one hour a day
        Assert.Contains("Only 1020 of 3000 minutes", plan.ShortfallReason);
        Assert.All(plan.Blocks, b => Assert.True(b.End <= Interview - Duration.FromHours(48)));
    }

    [Fact]
    public void Plan_InterviewWithinQuietHours_NothingPlanned()
    {
        var request = new PrepPlanRequest(Now + Duration.FromHours(10), FreeEveryDay(0, 0), Zone, 600) { NoPrepHoursBeforeInterview = 12 };

        var plan = PrepPlanner.Plan(request, Now);

        Assert.Empty(plan.Blocks);
        Assert.Equal(600, plan.ShortfallMinutes);
        Assert.NotNull(plan.ShortfallReason);
    }

    [Fact]
    public void Plan_BlocksAlignedAndSeparatedByBreak()
    {
        var free = IntervalSet.Single(new TimeInterval(At(Berlin, 2026, 3, 2, 9, 5), At(Berlin, 2026, 3, 2, 17)));
        var request = new PrepPlanRequest(Interview, free, Zone, 300) { DailyCapMinutes = 300, MinBlockMinutes = 60, MaxBlockMinutes = 90, BreakMinutes = 15 };

        var plan = PrepPlanner.Plan(request, Now);

        // 300 = 90 + 90 + 60 + 60: the third block is shortened so no 30-minute remainder is left over.
        Assert.True(plan.IsComplete);
        Assert.Equal(["09:15", "11:00", "12:45", "14:00"], plan.Blocks.Select(b => b.Start.InZone(Zone).ToString("HH:mm", null)));
        Assert.Equal([90, 90, 60, 60], plan.Blocks.Select(b => (int)b.Duration.TotalMinutes));
    }

    [Fact]
    public void Plan_MaxBelowMin_Throws()
    {
        var request = new PrepPlanRequest(Interview, IntervalSet.Empty, Zone, 60) { MinBlockMinutes = 60, MaxBlockMinutes = 30 };

        Assert.Throws<ArgumentOutOfRangeException>(() => PrepPlanner.Plan(request, Now));
    }
}
