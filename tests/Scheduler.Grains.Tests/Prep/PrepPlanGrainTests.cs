using System.Globalization;
using NodaTime;
using Scheduler.Grains.Prep;

namespace Scheduler.Grains.Tests.Prep;

/// <summary>The prep plan through the request grain on a real silo: free time, zones, front-loading, and following the interview.</summary>
public sealed class PrepPlanGrainTests
{
    private static readonly PrepSpec SixHoursADay = new(30) { DailyCapMinutes = 360, MinBlockMinutes = 60, MaxBlockMinutes = 180, RestHoursBeforeInterview = 12 };

    [Fact]
    public async Task PlanPrep_AroundABlock_FrontLoadedIntoTheFirstFreeDaysInTheCandidatesZone()
    {
        await using var cluster = await StartWithPeopleAsync("America/New_York");

        // Monday 5 Jan 09:00–10:30 in New York (14:00–15:30 UTC) is taken.
        await cluster.Participant("cand").ReplaceBlocks([new BusyBlock(At(2026, 1, 5, 14), At(2026, 1, 5, 15, 30), "Dentist")]);
        var request = await BookAsync(cluster.Grains, "r1", new TimeRange(At(2026, 1, 12), At(2026, 1, 16)));

        var outcome = await request.PlanPrep(SixHoursADay);

        Assert.Equal(CommandError.None, outcome.Error);
        var plan = outcome.Plan!;
        Assert.Equal((1800, 1800, 0), (plan.RequestedMinutes, plan.PlannedMinutes, plan.ShortfallMinutes));
        Assert.Empty(plan.Reasons);
        string[] expected =
        [
            "2026-01-05 10:30–13:30", "2026-01-05 13:45–16:45",
            "2026-01-06 09:00–12:00", "2026-01-06 12:15–15:15",
            "2026-01-07 09:00–12:00", "2026-01-07 12:15–15:15",
            "2026-01-08 09:00–12:00", "2026-01-08 12:15–15:15",
            "2026-01-09 09:00–12:00", "2026-01-09 12:15–15:15",
        ];
        Assert.Equal(expected, Local(plan.Blocks, "America/New_York"));
        Assert.True(plan.Blocks[^1].End < plan.Interview.Slot.Start.AddDays(-2), "The days just before the interview stay free.");
        Assert.Equal(plan, await cluster.Grains.GetGrain<IPrepPlanGrain>(GrainTestCluster.RequestKey("r1")).Get());
    }

    [Fact]
    public async Task PlanPrep_AcrossTheSpringDstChange_KeepsLocalWorkingHours()
    {
        // Thursday 26 March 2026, 08:00 in Berlin; Berlin moves to summer time on Sunday 29 March.
        await using var host = await TestSiloHost.StartAsync(silo => silo.AddSchedulerGrains(), new FakeTimeProvider(At(2026, 3, 26, 7)));
        var grains = host.GrainFactory;
        await grains.Participant("ivy").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer));
        await grains.Participant("cand").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate, "Europe/Berlin") with
        {
            WorkingHours = [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "09:00", "17:00")],
        });
        var request = await BookAsync(grains, "r-dst", new TimeRange(At(2026, 4, 1), At(2026, 4, 3)));

        var plan = (await request.PlanPrep(SixHoursADay)).Plan!;

        Assert.Equal(0, plan.ShortfallMinutes);
        Assert.Equal(
            new[] { "26", "27", "28", "29", "30" }.SelectMany(day => new[] { $"2026-03-{day} 09:00–12:00", $"2026-03-{day} 12:15–15:15" }),
            Local(plan.Blocks, "Europe/Berlin"));
        Assert.Equal(At(2026, 3, 28, 8), plan.Blocks[4].Start); // Saturday 09:00 CET
        Assert.Equal(At(2026, 3, 29, 7), plan.Blocks[6].Start); // Sunday 09:00 CEST
    }

    [Fact]
    public async Task PlanPrep_RequestNotBookedOrUnknown_IsRefusedAndNothingIsPlanned()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r-proposed");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.Propose), RequestStatus.Proposed);

        var proposed = await request.PlanPrep(SixHoursADay);
        var unknown = await cluster.Request("r-none").PlanPrep(SixHoursADay);

        Assert.Equal(CommandError.InvalidState, proposed.Error);
        Assert.Contains("booked", proposed.Message, StringComparison.Ordinal);
        Assert.Equal(CommandError.NotFound, unknown.Error);
        Assert.Null(await cluster.Grains.GetGrain<IPrepPlanGrain>(GrainTestCluster.RequestKey("r-proposed")).Get());
    }

    [Fact]
    public async Task Request_WithPrep_IsPlannedWhenBooked_FollowsTheMove_AndStaysDeletedOnceDeleted()
    {
        await using var cluster = await StartWithPeopleAsync();
        var prep = cluster.Grains.GetGrain<IPrepPlanGrain>(GrainTestCluster.RequestKey("r-auto"));
        var request = cluster.Request("r-auto");
        var spec = GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook, new TimeRange(At(2026, 1, 19), At(2026, 1, 21))) with { Prep = SixHoursADay };

        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, spec, RequestStatus.Booked);
        var first = await WaitForPlanAsync(prep, p => p is not null);
        Assert.Equal(booked.Booking!.Stages[0].Start, first!.Interview.Slot.Start);
        Assert.Equal(SixHoursADay, first.Settings);

        // Moved to the week before: the plan follows, and the rest period before the new time is kept free.
        Assert.True((await request.Reschedule(new RescheduleSpec(new TimeRange(At(2026, 1, 8), At(2026, 1, 9))))).Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start < At(2026, 1, 9));
        var replanned = await WaitForPlanAsync(prep, p => p?.Interview.Slot.Start == moved.Booking!.Stages[0].Start);
        Assert.True(replanned!.ShortfallMinutes > 0);
        Assert.NotEmpty(replanned.Reasons);
        Assert.All(replanned.Blocks, b => Assert.True(b.End <= moved.Booking!.Stages[0].Start.AddHours(-12)));

        Assert.True(await prep.Delete());
        Assert.True((await request.Reschedule(new RescheduleSpec(new TimeRange(At(2026, 1, 19), At(2026, 1, 21))))).Applied);
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start >= At(2026, 1, 19));
        await TestSiloHost.WaitUntilAsync(async () => !(await request.HasQueuedWork()));
        Assert.Null(await prep.Get());
        Assert.False(await prep.Delete());
    }

    [Fact]
    public async Task PlanPrep_AddToCalendarWithoutCalendarOrEmailChannel_SaysWhyNothingWasAdded()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = await BookAsync(cluster.Grains, "r-nowhere", new TimeRange(At(2026, 1, 12), At(2026, 1, 14)));

        var plan = (await request.PlanPrep(SixHoursADay with { AddToCalendar = true })).Plan!;

        Assert.Equal(PrepDelivery.None, plan.Delivery);
        Assert.Contains("Email is not configured", plan.DeliveryNote, StringComparison.Ordinal);
        Assert.NotEmpty(plan.Blocks);
    }

    /// <summary>Starts a cluster with the interviewer ivy and the candidate cand (in <paramref name="candidateZone"/>).</summary>
    private static async Task<GrainTestCluster> StartWithPeopleAsync(string candidateZone = "UTC")
    {
        var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddInterviewerAsync("ivy");
        await cluster.AddCandidateAsync("cand", candidateZone);
        return cluster;
    }

    internal static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Submits an auto-book request of the candidate <c>cand</c> with <c>ivy</c> in <paramref name="window"/> and waits until it is booked.</summary>
    internal static async Task<IInterviewRequestGrain> BookAsync(IGrainFactory grains, string id, TimeRange window)
    {
        var request = grains.Request(id);
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook, window), RequestStatus.Booked);
        return request;
    }

    /// <summary>Each block as <c>yyyy-MM-dd HH:mm–HH:mm</c> in <paramref name="zone"/>.</summary>
    internal static IEnumerable<string> Local(IEnumerable<TimeRange> blocks, string zone)
    {
        var tz = DateTimeZoneProviders.Tzdb[zone];
        return blocks.Select(b =>
        {
            var start = Instant.FromDateTimeOffset(b.Start).InZone(tz);
            var end = Instant.FromDateTimeOffset(b.End).InZone(tz);
            return start.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Polls the plan (real time, at most 20 s) until <paramref name="done"/> holds.</summary>
    internal static Task<PrepPlanView?> WaitForPlanAsync(IPrepPlanGrain prep, Func<PrepPlanView?, bool> done) =>
        TestSiloHost.WaitForAsync(prep.Get, done, TimeSpan.FromSeconds(20));
}
