using Scheduler.Grains.Indexes;

namespace Scheduler.Grains.Tests;

public sealed class InterviewRequestGrainTests
{
    private static async Task<GrainTestCluster> StartWithPeopleAsync()
    {
        var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddCandidateAsync("c1", "America/New_York");
        await cluster.AddInterviewerAsync("i1", "Europe/London");
        await cluster.AddInterviewerAsync("i2", "UTC");
        return cluster;
    }

    [Fact]
    public async Task ProposeThenSelect_BookedOnEveryParticipant()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");

        var proposed = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1", "i2"], SchedulingMode.Propose), RequestStatus.Proposed);
        Assert.NotEmpty(proposed.Proposals);
        var chosen = proposed.Proposals[^1];

        var selected = await request.Select(chosen.Id);
        Assert.True(selected.Applied);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.Equal(chosen.Stages, booked.Booking!.Stages);
        Assert.Equal(
            [RequestStatus.Pending, RequestStatus.Proposed, RequestStatus.Booking, RequestStatus.Booked],
            booked.History.Select(h => h.Status));
        foreach (var id in new[] { "c1", "i1", "i2" })
        {
            var booking = Assert.Single(await cluster.Participant(id).ListBookings());
            Assert.Equal(chosen.Stages[0].Start, booking.Intervals[0].Start);
        }
    }

    [Fact]
    public async Task Select_UnknownProposal_IsRefused()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.Propose), RequestStatus.Proposed);

        var outcome = await request.Select("p999");

        Assert.Equal(CommandError.UnknownProposal, outcome.Error);
        Assert.Equal(RequestStatus.Proposed, (await request.Get())!.Status);
    }

    [Fact]
    public async Task AutoBook_BooksTheBestOption()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");

        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);

        var stage = Assert.Single(booked.Booking!.Stages);
        Assert.Equal(["i1"], stage.InterviewerIds);
        Assert.Equal(TimeSpan.FromMinutes(60), stage.End - stage.Start);
        var busy = await cluster.Participant("i1").GetBusy(new TimeRange(stage.Start, stage.End));
        Assert.Contains(busy.Intervals, i => i.Source == BusySourceKind.Booking && i.Start == stage.Start);
        Assert.True(booked.Version >= 3);
    }

    [Fact]
    public async Task Cancel_Booked_ReleasesEveryBooking()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1", "i2"], SchedulingMode.AutoBook), RequestStatus.Booked);
        var stage = booked.Booking!.Stages[0];

        var outcome = await request.Cancel("candidate withdrew");
        Assert.True(outcome.Applied);
        Assert.Equal(RequestStatus.Cancelled, outcome.Request!.Status);
        Assert.Equal("candidate withdrew", outcome.Request.Reason);

        foreach (var id in new[] { "c1", "i1", "i2" })
        {
            var participant = cluster.Participant(id);
            await TestSiloHost.WaitUntilAsync(async () => (await participant.ListBookings()).Count == 0);
            var busy = await participant.GetBusy(new TimeRange(stage.Start, stage.End));
            Assert.DoesNotContain(busy.Intervals, i => i.Source is BusySourceKind.Booking or BusySourceKind.Hold);
        }
    }

    [Fact]
    public async Task Cancel_Booked_ReleasesWithoutANewVersion()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);

        var cancelled = (await request.Cancel(null)).Request!;
        await TestSiloHost.WaitUntilAsync(async () => (await cluster.Participant("i1").ListBookings()).Count == 0);

        // A repeated cancel waits for the work turn that released the bookings; that bookkeeping write keeps the ETag.
        var again = (await request.Cancel(null)).Request!;
        Assert.Equal(cancelled.Version, again.Version);
        Assert.Equal(cancelled.UpdatedAt, again.UpdatedAt);
        Assert.Equal(RequestStatus.Cancelled, again.History[^1].Status);
    }

    [Fact]
    public async Task Reschedule_NewWindow_MovesTheBooking()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var first = (await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked)).Booking!.Stages[0];
        var nextWeek = new TimeRange(GrainTestCluster.Start.AddDays(7).AddHours(-9), GrainTestCluster.Start.AddDays(12).AddHours(-9));

        var outcome = await request.Reschedule(new RescheduleSpec(nextWeek));
        Assert.True(outcome.Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));

        var second = moved.Booking!.Stages[0];
        Assert.True(second.Start >= nextWeek.Start);
        Assert.NotEqual(first.Start, second.Start);
        foreach (var id in new[] { "c1", "i1" })
        {
            var booking = Assert.Single(await cluster.Participant(id).ListBookings());
            Assert.Equal(second.Start, booking.Intervals[0].Start);
        }
    }

    [Fact]
    public async Task Reschedule_WithoutWindow_MovesToAnotherTime()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var first = (await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked)).Booking!.Stages[0];

        Assert.True((await request.Reschedule(new RescheduleSpec(null))).Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));

        Assert.NotEqual(first.Start, moved.Booking!.Stages[0].Start);
        Assert.Equal(moved.Booking.Stages[0].Start, Assert.Single(await cluster.Participant("i1").ListBookings()).Intervals[0].Start);
    }

    [Fact]
    public async Task Reschedule_OnlyTheSameTimeFree_KeepsIt()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddCandidateAsync("c1");
        await cluster.Participant("x").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            WorkingHours = [new WeeklyHours(["Tue"], "09:00", "10:00")],
        });
        var request = cluster.Request("r1");
        var tuesday = new TimeRange(GrainTestCluster.Start.AddDays(1), GrainTestCluster.Start.AddDays(2));
        var first = (await GrainTestCluster.SubmitAndWaitAsync(request, new InterviewRequestSpec("c1", [new StageSpec("screen", 60, ["x"])], tuesday) { Mode = SchedulingMode.AutoBook }, RequestStatus.Booked)).Booking!.Stages[0];

        Assert.True((await request.Reschedule(new RescheduleSpec(null))).Applied);
        var again = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));

        Assert.Equal(first.Start, again.Booking!.Stages[0].Start);
    }

    [Fact]
    public async Task Submit_SameRequestTwice_ReturnsTheFirst()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");

        var first = await request.Submit(GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.Propose));
        var second = await request.Submit(GrainTestCluster.Spec("c1", ["i2"], SchedulingMode.AutoBook));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Request.Id, second.Request.Id);
        Assert.Equal(SchedulingMode.Propose, second.Request.Spec!.Mode);
        Assert.Equal(["i1"], second.Request.Spec.Stages[0].InterviewerIds);
    }

    [Fact]
    public async Task ExternalIdClaim_SecondClaim_ReturnsFirstRequestId()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var claim = cluster.Grains.GetGrain<IExternalIdGrain>(GrainKeys.For(GrainTestCluster.Tenant, "ats-42"));

        var first = await claim.Claim("r1");
        var second = await claim.Claim("r2");

        Assert.Equal("r1", first);
        Assert.Equal("r1", second);
        Assert.Equal("r1", await claim.Get());
    }

    [Fact]
    public async Task Submit_BusyInterviewer_NoAvailabilityNamesTheConstraint()
    {
        await using var cluster = await StartWithPeopleAsync();
        var window = new TimeRange(GrainTestCluster.Start.AddDays(1).AddHours(-9), GrainTestCluster.Start.AddDays(5).AddHours(-9));
        await cluster.Participant("i1").ReplaceBlocks([new BusyBlock(window.Start, window.End, "vacation")]);
        var request = cluster.Request("r1");

        var settled = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook, window), GrainTestCluster.IsSettled);

        Assert.Equal(RequestStatus.NoAvailability, settled.Status);
        Assert.Equal("i1", settled.ReasonParticipantId);
        Assert.False(string.IsNullOrWhiteSpace(settled.Reason));
    }

    [Fact]
    public async Task Submit_UnknownInterviewer_Fails()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");

        var settled = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["ghost"], SchedulingMode.AutoBook), GrainTestCluster.IsSettled);

        Assert.Equal(RequestStatus.Failed, settled.Status);
        Assert.Equal("unknownParticipant", settled.ReasonCode);
    }

    [Fact]
    public async Task NotifyConflict_FlagPolicy_KeepsBookingAndFlags()
    {
        await using var cluster = await StartWithPeopleAsync();
        var (_, stage, flagged) = await BookAndFlagAsync(cluster);

        Assert.Equal(RequestStatus.Booked, flagged.Status);
        Assert.Equal(stage, flagged.Booking!.Stages[0]);
    }

    [Fact]
    public async Task NotifyConflict_FlagPolicy_AlreadyFlagged_NotFlaggedAgain()
    {
        await using var cluster = await StartWithPeopleAsync();
        var (request, stage, flagged) = await BookAndFlagAsync(cluster);

        // The same conflict found again (a re-read after the participant was reactivated), and another one.
        await request.NotifyConflict(new ConflictNotice("i1", new TimeRange(stage.Start, stage.End), "new meeting"));
        await request.NotifyConflict(new ConflictNotice("c1", new TimeRange(stage.Start.AddMinutes(15), stage.End), "dentist"));
        Assert.Equal(CommandError.InvalidState, (await request.Select("p1")).Error);

        var after = (await request.Get())!;
        Assert.Equal(flagged.Version, after.Version);
        Assert.Single(after.History, h => h.Reason?.Contains("reported a conflict", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task NotifyConflict_NoticeAboutTheBookingBeforeAReschedule_Ignored()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var first = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = ConflictPolicy.Reschedule }, RequestStatus.Booked);
        var old = first.Booking!.Stages[0];
        Assert.Equal(CommandError.None, (await request.Reschedule(new RescheduleSpec(null))).Error);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != old.Start);
        Assert.False(new TimeRange(old.Start, old.End).Overlaps(new TimeRange(moved.Booking!.Stages[0].Start, moved.Booking.Stages[0].End)));

        // i1's notice about the released time, delivered after the new booking.
        await request.NotifyConflict(new ConflictNotice("i1", new TimeRange(old.Start, old.End), "new meeting"));
        await Task.Delay(1000);

        var after = (await request.Get())!;
        Assert.Equal(RequestStatus.Booked, after.Status);
        Assert.Equal(moved.Booking!.Stages[0].Start, after.Booking!.Stages[0].Start);
        Assert.Equal(moved.Version, after.Version);
    }

    [Fact]
    public async Task NotifyConflict_FlagPolicy_ParticipantNotBooked_Ignored()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = ConflictPolicy.Flag }, RequestStatus.Booked);
        var stage = booked.Booking!.Stages[0];

        // i2 is not on this booking; the candidate's notice is about another time.
        await request.NotifyConflict(new ConflictNotice("i2", new TimeRange(stage.Start, stage.End), "new meeting"));
        await request.NotifyConflict(new ConflictNotice("c1", new TimeRange(stage.End, stage.End.AddHours(1)), "dentist"));
        await Task.Delay(1000);

        var after = (await request.Get())!;
        Assert.False(after.ConflictFlagged);
        Assert.Equal(booked.Version, after.Version);

        // The candidate attends every stage: their notice over it flags the booking.
        await request.NotifyConflict(new ConflictNotice("c1", new TimeRange(stage.Start.AddMinutes(30), stage.End.AddMinutes(30)), "dentist"));
        await GrainTestCluster.WaitForAsync(request, v => v.ConflictFlagged);
    }

    /// <summary>Books <c>r1</c> (c1 with i1, policy <c>flag</c>) and reports a conflict over its stage; returns once it is flagged.</summary>
    private static async Task<(IInterviewRequestGrain Request, ScheduledStageView Stage, InterviewRequestView Flagged)> BookAndFlagAsync(GrainTestCluster cluster)
    {
        var request = cluster.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = ConflictPolicy.Flag }, RequestStatus.Booked);
        var stage = booked.Booking!.Stages[0];
        await request.NotifyConflict(new ConflictNotice("i1", new TimeRange(stage.Start, stage.End), "new meeting"));
        return (request, stage, await GrainTestCluster.WaitForAsync(request, v => v.ConflictFlagged));
    }

    [Fact]
    public async Task Booked_AfterInterviewEnds_Completes()
    {
        await using var cluster = await StartWithPeopleAsync();
        var request = cluster.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);

        cluster.Time.Advance(booked.Booking!.Stages[^1].End - cluster.Time.GetUtcNow() + TimeSpan.FromMinutes(1));

        var completed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Completed);
        Assert.Equal(RequestStatus.Completed, completed.History[^1].Status);
    }
}
