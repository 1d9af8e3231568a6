using Scheduler.Grains.Notifications.Reminders;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Which reminders to register, send at once or skip, for a start on Tue 10 Mar 2026 13:00 UTC.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_TwoDaysBefore_BothDefaultsRegisteredAtTheirTimes()
    {
        var plan = ReminderPlanner.Plan(Start, null, Start.AddDays(-2));

        Assert.Equal([1440, 120], plan.Select(p => p.MinutesBefore));
        Assert.All(plan, p => Assert.Equal(ReminderDecision.Register, p.Decision));
        Assert.Equal([Start.AddHours(-24), Start.AddHours(-2)], plan.Select(p => p.DueAt));
        Assert.Equal(["notify-reminder-1440", "notify-reminder-120"], plan.Select(p => p.ReminderName));
    }

    [Fact]
    public void Plan_ThreeHoursBefore_DayReminderLateSentTwoHourRegistered()
    {
        var plan = ReminderPlanner.Plan(Start, [1440, 120], Start.AddHours(-3));

        Assert.Equal([ReminderDecision.SendNow, ReminderDecision.Register], plan.Select(p => p.Decision));
    }

    [Fact]
    public void Plan_OneHourBefore_OnlyClosestLateReminderSent()
    {
        var plan = ReminderPlanner.Plan(Start, [1440, 120], Start.AddHours(-1));

        Assert.Equal([ReminderDecision.Skip, ReminderDecision.SendNow], plan.Select(p => p.Decision));
    }

    [Fact]
    public void Plan_AfterStart_AllSkipped()
    {
        var plan = ReminderPlanner.Plan(Start, [1440, 120, 15], Start.AddMinutes(1));

        Assert.Equal(3, plan.Count);
        Assert.All(plan, p => Assert.Equal(ReminderDecision.Skip, p.Decision));
    }

    [Fact]
    public void Plan_InvalidAndRepeatedOffsets_Ignored()
    {
        var plan = ReminderPlanner.Plan(Start, [30, 0, -5, 30, 60], Start.AddDays(-1));

        Assert.Equal([60, 30], plan.Select(p => p.MinutesBefore));
    }

    [Fact]
    public void OnFired_BeforeAndAtStart_SendThenSkip()
    {
        Assert.Equal(ReminderDecision.SendNow, ReminderPlanner.OnFired(Start, Start.AddSeconds(-1)));
        Assert.Equal(ReminderDecision.Skip, ReminderPlanner.OnFired(Start, Start));
    }

    [Fact]
    public void TryParseName_OwnAndForeignNames_OnlyOwnParsed()
    {
        Assert.True(ReminderPlanner.TryParseName(ReminderPlanner.NameOf(120), out var minutes));
        Assert.Equal(120, minutes);
        Assert.False(ReminderPlanner.TryParseName("process", out _));
    }
}
