namespace Scheduler.Grains.Requests;

/// <summary>The durable state of an interview request grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Requests.RequestState")]
public sealed class RequestState
{
    /// <summary>The request as submitted; <see langword="null"/> until submitted.</summary>
    [Id(0)]
    public InterviewRequestSpec? Spec { get; set; }

    /// <summary>The current status.</summary>
    [Id(1)]
    public RequestStatus Status { get; set; }

    /// <summary>Why (for no availability, failure, cancellation).</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>A stable code for <see cref="Reason"/>.</summary>
    [Id(3)]
    public string? ReasonCode { get; set; }

    /// <summary>The participant the reason is about.</summary>
    [Id(4)]
    public string? ReasonParticipantId { get; set; }

    /// <summary>The search window when a reschedule replaced the submitted one.</summary>
    [Id(5)]
    public TimeRange? Window { get; set; }

    /// <summary>The current proposals.</summary>
    [Id(6)]
    public List<ProposalView> Proposals { get; set; } = [];

    /// <summary>The number of proposals ever made (for ids).</summary>
    [Id(7)]
    public int ProposalCounter { get; set; }

    /// <summary>The option being booked while <see cref="RequestStatus.Booking"/>.</summary>
    [Id(8)]
    public List<ScheduledStageView>? Target { get; set; }

    /// <summary>The booking while booked.</summary>
    [Id(9)]
    public BookingView? Booking { get; set; }

    /// <summary>Every transition.</summary>
    [Id(10)]
    public List<StatusChange> History { get; set; } = [];

    /// <summary>Increments on every write.</summary>
    [Id(11)]
    public long Version { get; set; }

    /// <summary>When submitted.</summary>
    [Id(12)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When last written.</summary>
    [Id(13)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether a conflict was flagged for the recruiter.</summary>
    [Id(14)]
    public bool ConflictFlagged { get; set; }

    /// <summary>Participants whose holds and bookings of this request still have to be released (after cancel or reschedule).</summary>
    [Id(15)]
    public List<string> PendingRelease { get; set; } = [];

    /// <summary>The invite revision of the interview: 0 when first booked, +1 on every reschedule and on cancellation.</summary>
    [Id(16)]
    public int NotifySequence { get; set; }

    /// <summary>The slot attendees were last told about (booked or rescheduled); <see langword="null"/> when none stands.</summary>
    [Id(17)]
    public TimeRange? AnnouncedSlot { get; set; }

    /// <summary>The stages of <see cref="AnnouncedSlot"/>.</summary>
    [Id(18)]
    public List<ScheduledStageView> AnnouncedStages { get; set; } = [];

    /// <summary>Notifications decided but not yet handed to the outbox.</summary>
    [Id(19)]
    public List<PendingNotice> PendingNotices { get; set; } = [];

    /// <summary>Whether the interview reminders must be planned again (after booking, reschedule or cancel).</summary>
    [Id(20)]
    public bool RemindersDirty { get; set; }

    /// <summary>Whether the request waits for its batch planner's hint before negotiating (see <c>IInterviewRequestGrain.ReceiveBatchPlan</c>).</summary>
    [Id(21)]
    public bool AwaitingPlan { get; set; }

    /// <summary>The start (UTC) of the booking a reschedule released: left out of the next search so the interview moves, unless nothing else is free. Cleared on booking.</summary>
    [Id(22)]
    public DateTimeOffset? AvoidStart { get; set; }

    /// <summary>The open first-to-accept offer while <see cref="RequestStatus.Offered"/>.</summary>
    [Id(23)]
    public OpenOffer? Offer { get; set; }

    /// <summary>The number of offers ever made (for offer ids).</summary>
    [Id(24)]
    public int OfferCounter { get; set; }

    /// <summary>Offers still to be withdrawn from their pools (after cancel or reschedule), as <c>{poolId}/{offerId}</c>.</summary>
    [Id(25)]
    public List<string> OffersToWithdraw { get; set; } = [];

    /// <summary>Whether <see cref="Target"/> already has its pool seats decided (an accepted offer, or the engine's pick after an expiry), so it is booked without offering.</summary>
    [Id(26)]
    public bool TargetDecided { get; set; }

    /// <summary>Whether an offer of this round lapsed unanswered: until the next booking or reschedule, pools are filled by the engine's pick.</summary>
    [Id(27)]
    public bool OffersLapsed { get; set; }
}
