using static Scheduler.Grains.Tests.PoolOfferScenario;

namespace Scheduler.Grains.Tests;

/// <summary>
/// Requests whose loop includes a first-to-accept pool: the seat is offered to the members free at the slot, the first
/// acceptance is booked, an unanswered offer falls back to the engine's pick, a lost winner leads to a new offer, and a
/// cancel withdraws the offer.
/// </summary>
public sealed class PoolOfferTests
{
    [Fact]
    public async Task Offer_FirstToAcceptPool_OfferedOnceToExactlyTheFreeMembersWhileEveryoneElseIsHeld()
    {
        await using var cluster = await SetUpAsync();

        var (_, offered) = await SubmitUntilOfferedAsync(cluster, Spec());

        var offer = offered.Offer!;
        Assert.Equal("backend", offer.PoolId);
        Assert.Equal("r1.o1", offer.OfferId);
        Assert.Equal(["m1", "m2"], offer.MemberIds);
        Assert.Equal(new TimeRange(Slot, Slot.AddHours(1)), offer.Slot);
        Assert.Equal(GrainTestCluster.Start.AddHours(4), offer.ExpiresAt);
        var stored = (await cluster.Pool("backend").GetOffer("r1.o1"))!;
        Assert.Equal(OfferStatus.Open, stored.Status);
        Assert.Equal("r1", stored.RequestId);
        Assert.Equal(["m1", "m2"], stored.Recipients.Select(r => r.MemberId));
        Assert.Null(await cluster.Pool("backend").GetOffer("r1.o2"));
        Assert.Contains(offered.History, h => h.Status == RequestStatus.Offered && h.Reason is not null && h.Reason.StartsWith("Offer sent to 2 members of pool backend", StringComparison.Ordinal));
        Assert.Equal(GrainTestCluster.RequestKey("r1"), Assert.Single(await cluster.Participant("c1").ListHolds()).RequestId);
        Assert.Single(await cluster.Participant("i1").ListHolds());
        Assert.Empty(await cluster.Participant("m1").ListHolds());
        Assert.Empty(await cluster.Participant("m2").ListHolds());
        Assert.Empty(await cluster.Participant("c1").ListBookings());
    }

    [Fact]
    public async Task Offer_MemberAccepts_BookedWithThatMemberAndNobodyElse()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());

        var outcome = await cluster.Pool("backend").Accept("r1.o1", "m2");
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.True(outcome.Accepted);
        var stage = Assert.Single(booked.Booking!.Stages);
        Assert.Equal(["i1", "m2"], stage.InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Equal(Slot, stage.Start);
        Assert.Null(booked.Offer);
        Assert.Contains(booked.History, h => h.Reason == "m2 accepted the offer of pool backend.");
        foreach (var attendee in new[] { "c1", "i1", "m2" })
        {
            var booking = Assert.Single(await cluster.Participant(attendee).ListBookings());
            Assert.Equal(new TimeRange(Slot, Slot.AddHours(1)), Assert.Single(booking.Intervals));
            Assert.Empty(await cluster.Participant(attendee).ListHolds());
        }

        Assert.Empty(await cluster.Participant("m1").ListBookings());
        Assert.Empty(await cluster.Participant("m3").ListBookings());
    }

    [Fact]
    public async Task Offer_TwoAcceptsRace_ExactlyOneWinnerAndOneBooking()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());
        var pool = cluster.Pool("backend");

        var outcomes = await Task.WhenAll(pool.Accept("r1.o1", "m1"), pool.Accept("r1.o1", "m2"));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        var winner = Assert.Single(outcomes, o => o.Accepted).Offer!.AcceptedBy!;
        var loser = winner == "m1" ? "m2" : "m1";
        Assert.Single(outcomes, o => !o.Accepted && o.Message!.StartsWith("Already accepted by", StringComparison.Ordinal));
        Assert.Contains(winner, booked.Booking!.Stages[0].InterviewerIds);
        Assert.DoesNotContain(loser, booked.Booking.Stages[0].InterviewerIds);
        Assert.Single(await cluster.Participant(winner).ListBookings());
        Assert.Empty(await cluster.Participant(loser).ListBookings());
        Assert.Empty(await cluster.Participant(loser).ListHolds());
        Assert.Single(await cluster.Participant("c1").ListBookings());
        Assert.Single(booked.History, h => h.Status == RequestStatus.Booked);
    }

    [Fact]
    public async Task Offer_NobodyAcceptsBeforeExpiry_OfferWithdrawnAndEnginePickBooked()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());

        // While open, the process reminder renews the other attendees' holds (10 min each) every 3 minutes.
        for (var i = 0; i < 10; i++)
        {
            cluster.Time.Advance(TimeSpan.FromMinutes(3));
            await Task.Delay(20);
        }

        var renewed = Assert.Single(await cluster.Participant("c1").ListHolds());
        Assert.True(renewed.ExpiresAt > cluster.Time.GetUtcNow());
        Assert.Equal(RequestStatus.Offered, (await request.Get())!.Status);

        cluster.Time.Advance(TimeSpan.FromHours(3.5) + TimeSpan.FromMinutes(1));
        // Time keeps passing after the expiry: a call still in flight when the clock jumped 3.5 h
        // times out on the fake clock, and the process reminder resumes the request minutes later.
        InterviewRequestView? booked = null;
        for (var minute = 0; minute < 30 && booked is null; minute++)
        {
            booked = await WaitBookedAsync(request, TimeSpan.FromSeconds(2));
            cluster.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.NotNull(booked);

        Assert.Equal(["i1", "m1"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Contains(booked.History, h => h.Reason is not null && h.Reason.StartsWith("Nobody accepted the offer of pool backend", StringComparison.Ordinal) && h.Reason.EndsWith("booking the engine's pick m1.", StringComparison.Ordinal));
        var offer = (await cluster.Pool("backend").GetOffer("r1.o1"))!;
        Assert.Equal(OfferStatus.Withdrawn, offer.Status);
        Assert.All(offer.Recipients, r => Assert.Equal(OfferStatus.Withdrawn, r.Status));
        Assert.False((await cluster.Pool("backend").Accept("r1.o1", "m2")).Accepted);
        Assert.Single(await cluster.Participant("m1").ListBookings());
        Assert.Empty(await cluster.Participant("m2").ListBookings());
        Assert.Single(await cluster.Participant("c1").ListBookings());
    }

    [Fact]
    public async Task Offer_LapsesAndTheEnginePickIsRefused_EveryHoldOfTheOfferReleased()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec() with { PoolOfferMinutes = 10 });

        // The process reminder renews the holds of c1 and i1 (10 min) 3 minutes in.
        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        var renewed = GrainTestCluster.Start.AddMinutes(13);
        await TestSiloHost.WaitUntilAsync(async () => (await cluster.Participant("c1").ListHolds()) is [{ } c] && c.ExpiresAt == renewed
            && (await cluster.Participant("i1").ListHolds()) is [{ } i] && i.ExpiresAt == renewed);

        // The candidate's time is taken; then the offer lapses. Booking the engine's pick asks c1 first (key order), who refuses.
        await cluster.Participant("c1").ReplaceBlocks([new BusyBlock(Slot, Slot.AddHours(1), "taken")]);
        cluster.Time.Advance(TimeSpan.FromMinutes(8));
        var settled = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.NoAvailability);

        Assert.Contains(settled.History, h => h.Reason is not null && h.Reason.StartsWith("Nobody accepted the offer of pool backend", StringComparison.Ordinal));
        Assert.True(cluster.Time.GetUtcNow() < renewed);
        foreach (var id in new[] { "c1", "i1", "m1", "m2" })
        {
            Assert.Empty(await cluster.Participant(id).ListHolds());
            Assert.Empty(await cluster.Participant(id).ListBookings());
        }
    }

    [Fact]
    public async Task Offer_WinnerNoLongerFree_NewOfferToTheMembersStillFreeThenBooked()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());
        await cluster.Participant("m2").ReplaceBlocks([new BusyBlock(Slot, Slot.AddHours(1), "dentist")]);

        Assert.True((await cluster.Pool("backend").Accept("r1.o1", "m2")).Accepted);
        var again = await WaitForOpenOfferAsync(cluster, request, "r1.o2");

        Assert.Equal(["m1"], again.Offer!.MemberIds);
        Assert.Contains(again.History, h => h.Reason == "m2 accepted but the slot could no longer be held for everyone; negotiating again.");
        Assert.Empty(await cluster.Participant("m2").ListBookings());
        Assert.Empty(await cluster.Participant("m2").ListHolds());

        Assert.True((await cluster.Pool("backend").Accept("r1.o2", "m1")).Accepted);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        Assert.Equal(["i1", "m1"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Single(await cluster.Participant("m1").ListBookings());
    }

    [Fact]
    public async Task Offer_HeldSlotLostWhileOpen_OfferWithdrawnAndNewRoundStarts()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());

        // The named interviewer's only free hour disappears behind the request's back (its hold is dropped, e.g.
        // after a long outage let it expire), and a block now covers it: the renewal is refused.
        await cluster.Participant("i1").ReleaseHold(GrainTestCluster.RequestKey("r1"));
        await cluster.Participant("i1").ReplaceBlocks([new BusyBlock(Slot, Slot.AddDays(4), "leave")]);
        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        var settled = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.NoAvailability);

        Assert.Contains(settled.History, h => h.Reason == "The held slot was lost while the offer was open; negotiating again.");
        Assert.Equal(OfferStatus.Withdrawn, (await cluster.Pool("backend").GetOffer("r1.o1"))!.Status);
        Assert.Empty(await cluster.Participant("c1").ListHolds());
        Assert.Null(settled.Offer);
    }

    [Fact]
    public async Task Offer_CancelledWhileOpen_OfferWithdrawnHoldsReleasedAndLateAcceptRefused()
    {
        await using var cluster = await SetUpAsync();
        var (request, _) = await SubmitUntilOfferedAsync(cluster, Spec());

        var outcome = await request.Cancel("Candidate withdrew.");
        var pool = cluster.Pool("backend");
        var withdrawn = await WaitForOfferAsync(pool, "r1.o1", o => o.Status == OfferStatus.Withdrawn);
        var late = await pool.Accept("r1.o1", "m1");

        Assert.Equal(CommandError.None, outcome.Error);
        Assert.Equal(RequestStatus.Cancelled, (await request.Get())!.Status);
        Assert.Null((await request.Get())!.Offer);
        Assert.All(withdrawn.Recipients, r => Assert.Equal(OfferStatus.Withdrawn, r.Status));
        Assert.False(late.Accepted);
        Assert.Equal("The offer was withdrawn.", late.Message);
        await TestSiloHost.WaitUntilAsync(async () => (await cluster.Participant("c1").ListHolds()).Count == 0 && (await cluster.Participant("i1").ListHolds()).Count == 0, TimeSpan.FromSeconds(20));
        Assert.Empty(await cluster.Participant("m1").ListBookings());
    }

    [Fact]
    public async Task Offer_RoundRobinPool_EnginePickBookedWithoutOffer()
    {
        await using var cluster = await SetUpAsync(PoolStrategy.RoundRobin);
        var request = cluster.Request("r1");

        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, Spec(), RequestStatus.Booked);

        Assert.DoesNotContain(booked.History, h => h.Status == RequestStatus.Offered);
        Assert.Null(await cluster.Pool("backend").GetOffer("r1.o1"));
    }

    [Fact]
    public async Task Offer_ProposeMode_OfferedAfterTheCandidatesSelectionThenBooked()
    {
        await using var cluster = await SetUpAsync();
        var request = cluster.Request("r1");
        var proposed = await GrainTestCluster.SubmitAndWaitAsync(request, Spec() with { Mode = SchedulingMode.Propose, MaxProposals = 1 }, RequestStatus.Proposed);

        var selected = await request.Select(proposed.Proposals[0].Id);
        var offered = await WaitForOpenOfferAsync(cluster, request);
        Assert.True((await cluster.Pool("backend").Accept(offered.Offer!.OfferId, "m2")).Accepted);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.Equal(CommandError.None, selected.Error);
        Assert.Equal(["m1", "m2"], offered.Offer.MemberIds);
        Assert.Equal(["i1", "m2"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Offer_TooCloseToTheInterview_EnginePickBookedWithoutOffer()
    {
        // The only free hour starts 30 minutes from now: an offer would have to close now (30 minutes before the start).
        await using var cluster = await SetUpAsync();
        var soon = GrainTestCluster.Start.AddMinutes(30);
        await cluster.Participant("i1").ReplaceBlocks([new BusyBlock(GrainTestCluster.Start, soon, "busy"), new BusyBlock(soon.AddHours(1), soon.AddDays(4), "busy")]);
        var request = cluster.Request("r1");

        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, Spec() with { Window = new TimeRange(GrainTestCluster.Start, GrainTestCluster.Start.AddDays(4)) }, RequestStatus.Booked);

        Assert.Equal(soon, booked.Booking!.Stages[0].Start);
        Assert.Equal(["i1", "m1"], booked.Booking.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(booked.History, h => h.Status == RequestStatus.Offered);
        Assert.Null(await cluster.Pool("backend").GetOffer("r1.o1"));
    }

    [Fact]
    public async Task Offer_ShortPoolOfferMinutes_ExpiresAfterThoseMinutes()
    {
        await using var cluster = await SetUpAsync();

        var (request, offered) = await SubmitUntilOfferedAsync(cluster, Spec() with { PoolOfferMinutes = 30 });
        cluster.Time.Advance(TimeSpan.FromMinutes(31));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.Equal(GrainTestCluster.Start.AddMinutes(30), offered.Offer!.ExpiresAt);
        Assert.Equal(["i1", "m1"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
    }

    private static async Task<GrainTestCluster> SetUpAsync(PoolStrategy strategy = PoolStrategy.FirstToAccept)
    {
        var cluster = await GrainTestCluster.StartAsync();
        await PoolOfferScenario.SetUpAsync(cluster.Grains, strategy);
        return cluster;
    }

    /// <summary>Submits <paramref name="spec"/> as r1 and waits until its offer is open (<see cref="WaitForOpenOfferAsync"/>).</summary>
    private static async Task<(IInterviewRequestGrain Request, InterviewRequestView Offered)> SubmitUntilOfferedAsync(GrainTestCluster cluster, InterviewRequestSpec spec)
    {
        var request = cluster.Request("r1");
        await request.Submit(spec);
        return (request, await WaitForOpenOfferAsync(cluster, request));
    }

    /// <summary>
    /// Waits until the request is offered (<paramref name="offerId"/>, or any offer) and its pool holds the offer. The
    /// request shows <see cref="RequestStatus.Offered"/> as soon as it has stored its decision, a moment before the pool
    /// has the offer; members can accept only once the pool has it (they are messaged after that).
    /// </summary>
    private static async Task<InterviewRequestView> WaitForOpenOfferAsync(GrainTestCluster cluster, IInterviewRequestGrain request, string? offerId = null)
    {
        var offered = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Offered && (offerId is null || v.Offer!.OfferId == offerId));
        await WaitForOfferAsync(cluster.Pool(offered.Offer!.PoolId), offered.Offer.OfferId, _ => true);
        return offered;
    }

    private static async Task<OfferView> WaitForOfferAsync(IInterviewerPoolGrain pool, string offerId, Func<OfferView, bool> condition) =>
        (await TestSiloHost.WaitForAsync(() => pool.GetOffer(offerId), offer => offer is not null && condition(offer), TimeSpan.FromSeconds(20), offer => $"offer {offerId} {offer?.Status}"))!;

    private static async Task<InterviewRequestView?> WaitBookedAsync(IInterviewRequestGrain request, TimeSpan timeout)
    {
        try
        {
            return await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked, timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
