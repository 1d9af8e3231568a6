using static Scheduler.Grains.Requests.RequestStatus;

namespace Scheduler.Grains.Tests;

/// <summary>The request state machine as a table: every status (and "not submitted") × every trigger, legal or not.</summary>
public sealed class RequestTransitionTests
{
    /// <summary>The legal moves, written out independently of <see cref="RequestTransitions"/>: from, trigger, to.</summary>
    private static readonly (RequestStatus? From, RequestTrigger Trigger, RequestStatus To)[] Legal =
    [
        (null, RequestTrigger.Submitted, Pending),
        (Pending, RequestTrigger.Planned, Booking),
        (Pending, RequestTrigger.OptionsFound, Booking),
        (Rescheduling, RequestTrigger.OptionsFound, Booking),
        (Pending, RequestTrigger.ProposalsFound, Proposed),
        (Rescheduling, RequestTrigger.ProposalsFound, Proposed),
        (Booking, RequestTrigger.ProposalsFound, Proposed),
        (Proposed, RequestTrigger.Selected, Booking),
        (Booking, RequestTrigger.OfferSent, Offered),
        (Offered, RequestTrigger.OfferAccepted, Booking),
        (Offered, RequestTrigger.OfferLapsed, Booking),
        (Offered, RequestTrigger.Renegotiated, Booking),
        (Booking, RequestTrigger.Renegotiated, Booking),
        (Booking, RequestTrigger.Booked, Booked),
        (Pending, RequestTrigger.NoAvailability, NoAvailability),
        (Rescheduling, RequestTrigger.NoAvailability, NoAvailability),
        (Booking, RequestTrigger.NoAvailability, NoAvailability),
        (Pending, RequestTrigger.Failed, Failed),
        (Rescheduling, RequestTrigger.Failed, Failed),
        (Booking, RequestTrigger.Failed, Failed),
        (Pending, RequestTrigger.Cancelled, Cancelled),
        (Proposed, RequestTrigger.Cancelled, Cancelled),
        (Booking, RequestTrigger.Cancelled, Cancelled),
        (Offered, RequestTrigger.Cancelled, Cancelled),
        (Booked, RequestTrigger.Cancelled, Cancelled),
        (Rescheduling, RequestTrigger.Cancelled, Cancelled),
        (Proposed, RequestTrigger.RescheduleRequested, Rescheduling),
        (Offered, RequestTrigger.RescheduleRequested, Rescheduling),
        (Booked, RequestTrigger.RescheduleRequested, Rescheduling),
        (NoAvailability, RequestTrigger.RescheduleRequested, Rescheduling),
        (Failed, RequestTrigger.RescheduleRequested, Rescheduling),
        (Booked, RequestTrigger.ConflictRescheduled, Rescheduling),
        (Booked, RequestTrigger.ConflictFlagged, Booked),
        (Booked, RequestTrigger.Completed, Completed),
    ];

    /// <summary>Every (from, trigger) pair with the expected next status, or <see langword="null"/> where the move is illegal.</summary>
    public static TheoryData<RequestStatus?, RequestTrigger, RequestStatus?> Moves()
    {
        var data = new TheoryData<RequestStatus?, RequestTrigger, RequestStatus?>();
        RequestStatus?[] froms = [null, .. Enum.GetValues<RequestStatus>().Select(s => (RequestStatus?)s)];
        foreach (var from in froms)
        {
            foreach (var trigger in Enum.GetValues<RequestTrigger>())
            {
                var legal = Legal.Where(m => m.From == from && m.Trigger == trigger).Select(m => (RequestStatus?)m.To).ToList();
                data.Add(from, trigger, legal.Count == 0 ? null : Assert.Single(legal));
            }
        }

        return data;
    }

    /// <summary>Every status × every phase, with whether the phase belongs to the status.</summary>
    public static TheoryData<RequestStatus, RequestPhase, bool> Phases()
    {
        var data = new TheoryData<RequestStatus, RequestPhase, bool>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var phase in Enum.GetValues<RequestPhase>())
            {
                data.Add(status, phase, (status, phase) is (_, RequestPhase.None) or (Pending, RequestPhase.AwaitingPlan)
                    or (Booking, RequestPhase.SeatDecided or RequestPhase.OffersLapsed) or (Booked, RequestPhase.ConflictFlagged) or (Rescheduling or Booking, RequestPhase.CandidateChoice));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Next_EveryStatusAndTrigger_FollowsTheTable(RequestStatus? from, RequestTrigger trigger, RequestStatus? expected)
    {
        Assert.Equal(expected is not null, RequestTransitions.Allows(from, trigger));
        if (expected is { } to)
        {
            Assert.Equal(to, RequestTransitions.Next(from, trigger));
            return;
        }

        var refused = Assert.Throws<RequestTransitionException>(() => RequestTransitions.Next(from, trigger));
        Assert.Equal(from, refused.From);
        Assert.Equal(trigger, refused.Trigger);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void PhaseAllowed_EveryStatusAndPhase_OnlyItsOwnStatus(RequestStatus status, RequestPhase phase, bool expected) =>
        Assert.Equal(expected, RequestTransitions.PhaseAllowed(status, phase));

    [Fact]
    public void Legal_EveryTriggerHasAMove_AndInProgressStatusesAreLeftOnlyByWork()
    {
        Assert.All(Enum.GetValues<RequestTrigger>(), t => Assert.Contains(Legal, m => m.Trigger == t));

        // Statuses in progress are the ones the grain's own work moves on from (not only commands and reminders).
        RequestTrigger[] work = [RequestTrigger.Planned, RequestTrigger.OptionsFound, RequestTrigger.ProposalsFound, RequestTrigger.OfferSent,
            RequestTrigger.OfferAccepted, RequestTrigger.OfferLapsed, RequestTrigger.Renegotiated, RequestTrigger.Booked, RequestTrigger.NoAvailability, RequestTrigger.Failed];
        Assert.All(Enum.GetValues<RequestStatus>(), s => Assert.Equal(Legal.Any(m => m.From == s && work.Contains(m.Trigger)), RequestTransitions.InProgress(s)));
    }
}
