using Scheduler.Grains.Batches;
using Scheduler.Grains.Learning;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Tests;

/// <summary>Learned time preferences through the real request flow: selections, bookings and their outcomes reach the participants, and new proposals follow them.</summary>
public sealed class LearnedPreferenceTests
{
    private const int Selections = 4;

    /// <summary>The week after the history's requests (Tuesday to Friday), so the candidate's own bookings leave it free.</summary>
    private static readonly TimeRange NextWeek = new(GrainTestCluster.Start.AddDays(8).AddHours(-9), GrainTestCluster.Start.AddDays(12).AddHours(-9));

    [Fact]
    public async Task Propose_AfterAHistoryOfAfternoonSelections_RanksAfternoonFirstWithTheLearnedReason()
    {
        await using var cluster = await StartAsync();
        var before = await ProposeAsync(cluster, "before", NextWeek);
        Assert.True(before.Proposals[0].Stages[0].Start.Hour < 12);
        Assert.DoesNotContain(before.Proposals.SelectMany(p => p.Reasons), r => r.Code == "learnedPreference");

        await SelectAfternoonsAsync(cluster, Selections);
        var history = await WaitForHistoryAsync(cluster, "maya", h => h.DayParts[1].Accepted == Selections);
        Assert.Equal(0, history.DayParts[1].Declined);
        Assert.Equal(Selections * 0.5, history.DayParts[0].Declined);

        var after = await ProposeAsync(cluster, "after", NextWeek);
        var best = after.Proposals[0];
        Assert.InRange(best.Stages[0].Start.Hour, 12, 16);
        var reason = Assert.Single(best.Reasons, r => r.Code == "learnedPreference");
        Assert.True(reason.Points > 0);
        Assert.Contains($"maya accepted {Selections} of {Selections} afternoon", reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchPlan_AfterAHistoryOfAfternoonSelections_BooksTheLearnedAfternoon()
    {
        await using var cluster = await StartAsync();
        await SelectAfternoonsAsync(cluster, Selections);
        await WaitForHistoryAsync(cluster, "maya", h => h.DayParts[1].Accepted == Selections);
        // The planner plans batches of two or more: a second candidate, the week after, keeps the two apart.
        await cluster.AddCandidateAsync("noah");
        var spec = GrainTestCluster.Spec("maya", ["i1"], SchedulingMode.AutoBook, NextWeek) with { ExternalId = "batched", AwaitBatchPlan = true };
        var other = GrainTestCluster.Spec("noah", ["i1"], SchedulingMode.AutoBook, new TimeRange(NextWeek.Start.AddDays(7), NextWeek.End.AddDays(7))) with { ExternalId = "other", AwaitBatchPlan = true };
        await cluster.Request("batched").Submit(spec);
        await cluster.Request("other").Submit(other);

        var summary = await cluster.Grains.GetGrain<IBatchPlannerGrain>(GrainKeys.For(GrainTestCluster.Tenant, "batch-learned")).Plan([new("batched", spec), new("other", other)]);

        Assert.Equal(2, summary.Hinted);
        var booked = await GrainTestCluster.WaitForAsync(cluster.Request("batched"), v => v.Status == RequestStatus.Booked);
        Assert.InRange(booked.Booking!.Stages[0].Start.Hour, 12, 16);
    }

    [Fact]
    public async Task Propose_TenantSwitchedOff_NoShiftNoReasonAndNothingNewLearned()
    {
        await using var cluster = await StartAsync();
        await SelectAfternoonsAsync(cluster, Selections);
        await WaitForHistoryAsync(cluster, "maya", h => h.DayParts[1].Accepted == Selections);

        var settings = await cluster.Grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant).Set(new SchedulingSettings { PreferenceLearning = false });
        Assert.False(settings.PreferenceLearning);

        var off = await ProposeAsync(cluster, "off", NextWeek, maxProposals: 20);
        Assert.True(off.Proposals[0].Stages[0].Start.Hour < 12);
        Assert.DoesNotContain(off.Proposals.SelectMany(p => p.Reasons), r => r.Code == "learnedPreference");

        // A selection while off is not learned: the request's work turn drops the report.
        var request = cluster.Request("off");
        var afternoon = off.Proposals.First(p => p.Stages[0].Start.Hour >= 12);
        Assert.True((await request.Select(afternoon.Id)).Applied);
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        await TestSiloHost.WaitUntilAsync(async () => !await request.HasQueuedWork(), TimeSpan.FromSeconds(20));
        Assert.Equal(Selections, (await HistoryAsync(cluster, "maya"))!.DayParts[1].Accepted);
    }

    [Fact]
    public async Task RecordPreference_SameObservationTwice_CountsOnce()
    {
        await using var cluster = await StartAsync();
        var maya = cluster.Participant("maya");
        var slot = GrainTestCluster.Start.AddDays(1).AddHours(5);
        var observation = new PreferenceObservation("acme/r1#2", PreferenceOutcome.Selected, GrainTestCluster.Start, slot);

        await maya.RecordPreference(observation, 90);
        await maya.RecordPreference(observation, 90);
        await maya.RecordPreference(observation with { Id = "acme/r1#5" }, 90);
        await maya.RecordPreference(observation with { Id = "acme/r1#5" }, 90);

        var history = (await HistoryAsync(cluster, "maya"))!;
        Assert.Equal(2, history.DayParts[1].Accepted);
        Assert.Equal(2, history.Weekdays[1].Accepted);
    }

    [Fact]
    public async Task BookedOutcomes_RescheduleCancelAndHeld_ReachEveryAttendeeOnce()
    {
        await using var cluster = await StartAsync();
        var request = cluster.Request("auto");
        var first = (await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("maya", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked)).Booking!.Stages[0];
        Assert.True(first.Start.Hour < 12);

        Assert.True((await request.Reschedule(new RescheduleSpec(null))).Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));
        foreach (var id in new[] { "maya", "i1" })
        {
            var history = await WaitForHistoryAsync(cluster, id, h => h.DayParts[0].Declined == 1);
            Assert.Equal(1, history.Weekdays[(int)first.Start.DayOfWeek - 1].Declined);
        }

        // The interview takes place: held, for the candidate of an auto-booked request and the interviewer.
        var end = moved.Booking!.Stages[0].End;
        cluster.Time.Advance(end - cluster.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Completed);
        var slot = moved.Booking.Stages[0].Start;
        var part = slot.Hour < 12 ? 0 : slot.Hour < 17 ? 1 : 2;
        foreach (var id in new[] { "maya", "i1" })
        {
            await WaitForHistoryAsync(cluster, id, h => h.DayParts[part].Accepted > 0.99);
        }

        // Cancelling a second booking declines its time with half weight, for each attendee.
        var second = cluster.Request("second");
        var booked = (await GrainTestCluster.SubmitAndWaitAsync(second, GrainTestCluster.Spec("maya", ["i1"], SchedulingMode.AutoBook, new TimeRange(cluster.Time.GetUtcNow().AddDays(1), cluster.Time.GetUtcNow().AddDays(6))) with { ExternalId = "second" }, RequestStatus.Booked)).Booking!.Stages[0];
        var before = (await HistoryAsync(cluster, "i1"))!;
        Assert.True((await second.Cancel("candidate withdrew")).Applied);
        var day = (int)booked.Start.DayOfWeek == 0 ? 6 : (int)booked.Start.DayOfWeek - 1;
        var after = await WaitForHistoryAsync(cluster, "i1", h => h.Weekdays[day].Declined > before.Weekdays[day].Declined * Decay(cluster, before) + 0.49);
        Assert.Equal(before.Weekdays[day].Declined * Decay(cluster, before) + 0.5, after.Weekdays[day].Declined, 6);
    }

    private static double Decay(GrainTestCluster cluster, PreferenceHistoryData history) =>
        Math.Pow(2, -(cluster.Time.GetUtcNow() - history.AsOf).TotalDays / SchedulingSettings.DefaultHalfLifeDays);

    private static async Task<GrainTestCluster> StartAsync()
    {
        var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddCandidateAsync("maya");
        await cluster.AddInterviewerAsync("i1");
        return cluster;
    }

    /// <summary>Submits a propose-mode request for maya with i1 (in the week after the clock's start unless <paramref name="window"/> is given) and waits for its proposals.</summary>
    private static Task<InterviewRequestView> ProposeAsync(GrainTestCluster cluster, string id, TimeRange? window, int maxProposals = 5) =>
        GrainTestCluster.SubmitAndWaitAsync(cluster.Request(id), GrainTestCluster.Spec("maya", ["i1"], SchedulingMode.Propose, window) with { ExternalId = id, MaxProposals = maxProposals }, RequestStatus.Proposed);

    /// <summary>Runs <paramref name="count"/> requests in which the candidate selects an afternoon proposal among morning ones.</summary>
    private static async Task SelectAfternoonsAsync(GrainTestCluster cluster, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"history-{i}";
            var proposed = await ProposeAsync(cluster, id, null, maxProposals: 20);
            var afternoon = proposed.Proposals.First(p => p.Stages[0].Start.Hour is >= 12 and < 17);
            Assert.Contains(proposed.Proposals, p => p.Stages[0].Start.Hour < 12);
            Assert.True((await cluster.Request(id).Select(afternoon.Id)).Applied);
            await GrainTestCluster.WaitForAsync(cluster.Request(id), v => v.Status == RequestStatus.Booked);
        }
    }

    private static async Task<PreferenceHistoryData?> HistoryAsync(GrainTestCluster cluster, string id)
    {
        var window = new TimeRange(GrainTestCluster.Start, GrainTestCluster.Start.AddDays(1));
        return (await cluster.Participant(id).GetAvailabilityInput(new AvailabilityInputQuery(window, ""))).PreferenceHistory;
    }

    private static async Task<PreferenceHistoryData> WaitForHistoryAsync(GrainTestCluster cluster, string id, Func<PreferenceHistoryData, bool> condition) =>
        (await TestSiloHost.WaitForAsync(() => HistoryAsync(cluster, id), history => history is not null && condition(history), TimeSpan.FromSeconds(20)))!;
}
