using Scheduler.Grains.Batches;

namespace Scheduler.Grains.Tests.Batches;

public sealed class BatchPlannerGrainTests
{
    // Tuesday 2026-01-06: X works only 09:00–11:00 that week, so slot 1 is 09:00 and slot 2 is 10:00.
    private static readonly DateTimeOffset Slot1 = GrainTestCluster.Start.AddDays(1);
    private static readonly TimeRange WindowA = new(Slot1, Slot1.AddHours(2));
    private static readonly TimeRange WindowB = new(Slot1, Slot1.AddHours(1));

    [Fact]
    public async Task Plan_GreedyWouldBlockSingleOptionRequest_BooksBoth()
    {
        await using var cluster = await SetUpAsync();
        await cluster.Request("a").Submit(Spec("ca", WindowA, awaitPlan: true));
        await cluster.Request("b").Submit(Spec("cb", WindowB, awaitPlan: true));

        var summary = await Planner(cluster, "batch-1").Plan(BothAwaitingPlan());

        Assert.Equal(new BatchPlanSummary(2, 2, 2, 1), summary);
        var (a, b) = await BothSettledAsync(cluster);
        Assert.Equal(RequestStatus.Booked, a.Status);
        Assert.Equal(RequestStatus.Booked, b.Status);
        Assert.Equal(Slot1.AddHours(1), a.Booking!.Stages[0].Start);
        Assert.Equal(Slot1, b.Booking!.Stages[0].Start);
        Assert.All([a, b], v => Assert.Contains(v.History, h => h.Reason == "Planned with the other requests of its batch."));
    }

    /// <summary>
    /// The interviewer takes one interview a day. "a" can be Tuesday 16:00 (earlier, so first come first served takes it)
    /// or Wednesday 09:00; "b" only on Tuesday before 16:00. No booking overlaps "b"'s options (the cap shuts it out),
    /// so the repairs find nothing to move, and "a" has fewer options, so placing the most constrained first fails too.
    /// CP-SAT moves "a" to Wednesday.
    /// </summary>
    [Fact]
    public async Task Plan_DailyCapWouldShutOutSecondRequest_SolverBooksBoth()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddInterviewerAsync("capped", maxPerDay: 1);
        await cluster.AddCandidateAsync("ca");
        await cluster.AddCandidateAsync("cb");
        var specA = new InterviewRequestSpec("ca", [new StageSpec("screen", 60, ["capped"])], new TimeRange(Slot1.AddHours(7), Slot1.AddDays(1).AddHours(1))) { Mode = SchedulingMode.AutoBook, AwaitBatchPlan = true };
        var specB = new InterviewRequestSpec("cb", [new StageSpec("screen", 60, ["capped"])], new TimeRange(Slot1, Slot1.AddHours(7))) { Mode = SchedulingMode.AutoBook, AwaitBatchPlan = true };
        await cluster.Request("a").Submit(specA);
        await cluster.Request("b").Submit(specB);

        var summary = await Planner(cluster, "batch-cap").Plan([new("a", specA), new("b", specB)]);

        Assert.Equal(new BatchPlanSummary(2, 2, 2, 1), summary);
        var (a, b) = await BothSettledAsync(cluster);
        Assert.Equal(RequestStatus.Booked, a.Status);
        Assert.Equal(RequestStatus.Booked, b.Status);
        Assert.Equal(Slot1.AddDays(1), a.Booking!.Stages[0].Start);
        Assert.Equal(Slot1.Date, b.Booking!.Stages[0].Start.Date);
    }

    [Fact]
    public async Task Submit_WithoutPlannerFirstComeFirstServed_SingleOptionRequestGetsNoAvailability()
    {
        await using var cluster = await SetUpAsync();
        var a = await GrainTestCluster.SubmitAndWaitAsync(cluster.Request("a"), Spec("ca", WindowA, awaitPlan: false), GrainTestCluster.IsSettled);
        var b = await GrainTestCluster.SubmitAndWaitAsync(cluster.Request("b"), Spec("cb", WindowB, awaitPlan: false), GrainTestCluster.IsSettled);

        Assert.Equal(RequestStatus.Booked, a.Status);
        Assert.Equal(Slot1, a.Booking!.Stages[0].Start);
        Assert.Equal(RequestStatus.NoAvailability, b.Status);
    }

    [Fact]
    public async Task Submit_AwaitPlanWithoutPlanner_NegotiatesAfterDeadline()
    {
        await using var cluster = await SetUpAsync();
        await cluster.Request("a").Submit(Spec("ca", WindowA, awaitPlan: true));
        Assert.Equal(RequestStatus.Pending, (await cluster.Request("a").Get())!.Status);

        cluster.Time.Advance(TimeSpan.FromSeconds(11));

        var a = await SettledAsync(cluster, "a");
        Assert.Equal(RequestStatus.Booked, a.Status);
    }

    [Fact]
    public async Task Plan_ContendedBatch_NoOverlapsAndAllTerminal()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        string[] interviewers = ["x1", "x2", "x3"];
        foreach (var id in interviewers)
        {
            await cluster.AddInterviewerAsync(id, bufferMinutes: 10);
        }

        var window = new TimeRange(Slot1, Slot1.AddDays(1));
        var ids = Enumerable.Range(0, 40).Select(n => $"r{n}").ToArray();
        await Task.WhenAll(ids.Select((_, n) => cluster.AddCandidateAsync($"c{n}")));
        var items = ids.Select((id, n) => new BatchPlanItem(id, new InterviewRequestSpec($"c{n}", [new StageSpec("screen", 60, [interviewers[n % 3], interviewers[(n + 1) % 3]])], window)
        {
            Mode = SchedulingMode.AutoBook,
            AwaitBatchPlan = true,
        })).ToArray();
        await Task.WhenAll(items.Select(item => cluster.Request(item.RequestId).Submit(item.Spec)));

        var summary = await Planner(cluster, "batch-2").Plan(items);
        var views = await Task.WhenAll(ids.Select(id => GrainTestCluster.WaitForAsync(cluster.Request(id), GrainTestCluster.IsSettled, TimeSpan.FromSeconds(45))));

        Assert.Equal(40, summary.Planned);
        Assert.All(views, v => Assert.True(
            v.Status == RequestStatus.Booked || (v.Status == RequestStatus.NoAvailability && !string.IsNullOrWhiteSpace(v.Reason)),
            $"{v.Id} ended {v.Status}: {v.Reason}"));
        Assert.Contains(views, v => v.Status == RequestStatus.Booked);
        foreach (var id in interviewers)
        {
            GrainTestCluster.AssertNoOverlaps(id, await cluster.Participant(id).ListBookings(), bufferMinutes: 10);
        }
    }

    [Fact]
    public async Task Plan_RequestAlreadyStartedOnItsOwn_HintIgnored()
    {
        await using var cluster = await SetUpAsync();
        var a = await GrainTestCluster.SubmitAndWaitAsync(cluster.Request("a"), Spec("ca", WindowA, awaitPlan: false), GrainTestCluster.IsSettled);
        await cluster.Request("b").Submit(Spec("cb", WindowB, awaitPlan: true));

        await Planner(cluster, "batch-3").Plan(BothAwaitingPlan());

        var b = await SettledAsync(cluster, "b");
        Assert.Equal(Slot1, (await cluster.Request("a").Get())!.Booking!.Stages[0].Start);
        Assert.Equal(a.Version, (await cluster.Request("a").Get())!.Version);
        Assert.Equal(RequestStatus.NoAvailability, b.Status);
    }

    [Fact]
    public async Task Plan_HintOfAnotherShape_IgnoredAndRequestSearchesItself()
    {
        await using var cluster = await SetUpAsync();
        await cluster.Request("b").Submit(Spec("cb", WindowB, awaitPlan: true));

        await cluster.Request("b").ReceiveBatchPlan(new BatchPlanHint(
            [new ScheduledStageView("other", Slot1, Slot1.AddHours(1), ["x"])],
            new Dictionary<string, IReadOnlyList<string>>()));

        var b = await SettledAsync(cluster, "b");
        Assert.Equal(RequestStatus.Booked, b.Status);
        Assert.Equal("screen", b.Booking!.Stages[0].Name);
        Assert.DoesNotContain(b.History, h => h.Reason == "Planned with the other requests of its batch.");
    }

    private static IBatchPlannerGrain Planner(GrainTestCluster cluster, string id) =>
        cluster.Grains.GetGrain<IBatchPlannerGrain>(GrainKeys.For(GrainTestCluster.Tenant, id));

    private static Task<InterviewRequestView> SettledAsync(GrainTestCluster cluster, string id) => GrainTestCluster.WaitForAsync(cluster.Request(id), GrainTestCluster.IsSettled);

    private static async Task<(InterviewRequestView A, InterviewRequestView B)> BothSettledAsync(GrainTestCluster cluster) =>
        (await SettledAsync(cluster, "a"), await SettledAsync(cluster, "b"));

    private static async Task<GrainTestCluster> SetUpAsync()
    {
        var cluster = await GrainTestCluster.StartAsync();
        await cluster.Participant("x").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            WorkingHours = [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "11:00")],
        });
        await cluster.AddCandidateAsync("ca");
        await cluster.AddCandidateAsync("cb");
        return cluster;
    }

    /// <summary>Requests a (of ca, in <see cref="WindowA"/>) and b (of cb, in <see cref="WindowB"/>), both waiting for a batch plan.</summary>
    private static BatchPlanItem[] BothAwaitingPlan() => [new("a", Spec("ca", WindowA, awaitPlan: true)), new("b", Spec("cb", WindowB, awaitPlan: true))];

    private static InterviewRequestSpec Spec(string candidate, TimeRange window, bool awaitPlan) =>
        new(candidate, [new StageSpec("screen", 60, ["x"])], window) { Mode = SchedulingMode.AutoBook, AwaitBatchPlan = awaitPlan };
}
