using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The durable state of an interview request grain: the status and its <see cref="Phase"/>, the data of the status
/// (proposals, target, offer, booking), and outstanding work (the lists and flag marked "Work:"), done by the work turn.
/// Written only through <see cref="RequestStore"/>. Ids 14, 21, 26 and 27 were flags now in <see cref="Phase"/>: not reused.
/// </summary>
[GenerateSerializer, Alias("Scheduler.Grains.Requests.RequestState")]
public sealed class RequestState
{
    /// <summary>The request as submitted; <see langword="null"/> until submitted.</summary>
    [Id(0)]
    public InterviewRequestSpec? Spec { get; set; }

    /// <summary>The current status; changed only through <see cref="RequestStore.Move"/> (<see cref="RequestTransitions"/>).</summary>
    [Id(1)]
    public RequestStatus Status { get; set; }

    /// <summary>The sub-state of <see cref="Status"/>; set with every status change.</summary>
    [Id(28)]
    public RequestPhase Phase { get; set; }

    /// <summary>Why (for no availability, failure, cancellation).</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>A stable code for <see cref="Reason"/>.</summary>
    [Id(3)]
    public string? ReasonCode { get; set; }

    /// <summary>The participant the reason is about.</summary>
    [Id(4)]
    public string? ReasonParticipantId { get; set; }

    /// <summary>The stage the reason is about (for no availability, when the engine's diagnosis names one).</summary>
    [Id(42)]
    public string? ReasonStageName { get; set; }

    /// <summary>The search window when a reschedule replaced the submitted one.</summary>
    [Id(5)]
    public TimeRange? Window { get; set; }

    /// <summary>The current proposals.</summary>
    [Id(6)]
    public List<ProposalView> Proposals { get; set; } = [];

    /// <summary>The number of proposals ever made (for ids).</summary>
    [Id(7)]
    public int ProposalCounter { get; set; }

    /// <summary>The option being booked while <see cref="RequestStatus.Booking"/> or offered while <see cref="RequestStatus.Offered"/>.</summary>
    [Id(8)]
    public List<ScheduledStageView>? Target { get; set; }

    /// <summary>The booking while booked.</summary>
    [Id(9)]
    public BookingView? Booking { get; set; }

    /// <summary>Every transition, oldest first; empty until submitted.</summary>
    [Id(10)]
    public List<StatusChange> History { get; set; } = [];

    /// <summary>Increments on every change the view shows (the ETag); bookkeeping writes keep it.</summary>
    [Id(11)]
    public long Version { get; set; }

    /// <summary>When submitted.</summary>
    [Id(12)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When last written.</summary>
    [Id(13)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Work: participants whose holds and bookings of this request are still to be released (after cancel or reschedule).</summary>
    [Id(15)]
    public List<string> ParticipantsToRelease { get; set; } = [];

    /// <summary>The invite revision of the interview: 0 when first booked, +1 on every reschedule and on cancellation.</summary>
    [Id(16)]
    public int NotifySequence { get; set; }

    /// <summary>The slot attendees were last told about (booked or rescheduled); <see langword="null"/> when none stands.</summary>
    [Id(17)]
    public TimeRange? AnnouncedSlot { get; set; }

    /// <summary>The stages of <see cref="AnnouncedSlot"/>.</summary>
    [Id(18)]
    public List<ScheduledStageView> AnnouncedStages { get; set; } = [];

    /// <summary>Work: notifications decided but not yet handed to the outbox.</summary>
    [Id(19)]
    public List<PendingNotice> NoticesToSend { get; set; } = [];

    /// <summary>Work: whether the interview reminders are still to be planned again (after booking, reschedule or cancel).</summary>
    [Id(20)]
    public bool ReplanReminders { get; set; }

    /// <summary>The start (UTC) of the booking a reschedule released: left out of the next search so the interview moves, unless nothing else is free. Cleared on booking.</summary>
    [Id(22)]
    public DateTimeOffset? AvoidStart { get; set; }

    /// <summary>The open first-to-accept offer while <see cref="RequestStatus.Offered"/>.</summary>
    [Id(23)]
    public OpenOffer? Offer { get; set; }

    /// <summary>The number of offers ever made (for offer ids).</summary>
    [Id(24)]
    public int OfferCounter { get; set; }

    /// <summary>Work: offers still to be withdrawn from their pools (after cancel or reschedule), as <c>{poolId}/{offerId}</c>.</summary>
    [Id(25)]
    public List<string> OffersToWithdraw { get; set; } = [];

    /// <summary>Work: observations of the attendees' times still to be delivered to them (learned preferences).</summary>
    [Id(29)]
    public List<PreferenceReport> PreferencesToReport { get; set; } = [];

    /// <summary>Whether the candidate's prep plan follows this request (<see cref="IInterviewRequestGrain.PlanPrep"/> was called).</summary>
    [Id(40)]
    public bool PrepPlanned { get; set; }

    /// <summary>Work: whether the prep plan is still to be told the booking changed (after booking, reschedule or cancel).</summary>
    [Id(41)]
    public bool PrepOutdated { get; set; }

    /// <summary>The starts (UTC) of the booked stages whose video meeting a host's calendar makes (set at each booking); their links come in through <see cref="IInterviewRequestGrain.RecordConferenceLink"/>.</summary>
    [Id(43)]
    public List<DateTimeOffset> ConferenceStarts { get; set; } = [];

    /// <summary>Work: the interviewers still to be told the booking's meeting links (<see cref="IParticipantGrain.ShowConferenceLinks"/>).</summary>
    [Id(44)]
    public List<string> LinksToShow { get; set; } = [];

    /// <summary>The first-stage starts (UTC) of the bookings the candidate released by asking for another time (<see cref="IInterviewRequestGrain.RescheduleForCandidate"/>), oldest first; its count is held against <see cref="Settings.SchedulingSettings.MaxCandidateReschedules"/>.</summary>
    [Id(45)]
    public List<DateTimeOffset> CandidateReleased { get; set; } = [];
}
