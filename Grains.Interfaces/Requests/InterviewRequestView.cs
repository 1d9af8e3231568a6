using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>The status of an interview request as dashboards see it.</summary>
/// <param name="Id">The request id (without tenant).</param>
/// <param name="ExternalId">The caller's id; may be <see langword="null"/>.</param>
/// <param name="CandidateId">The candidate's participant id.</param>
/// <param name="Status">The current status.</param>
/// <param name="Reason">Why, for <see cref="RequestStatus.NoAvailability"/>, <see cref="RequestStatus.Failed"/> and <see cref="RequestStatus.Cancelled"/>; otherwise <see langword="null"/>.</param>
/// <param name="Proposals">The current proposals (empty unless negotiated in propose mode).</param>
/// <param name="Booking">The booking; <see langword="null"/> unless booked.</param>
/// <param name="History">Every transition, oldest first.</param>
/// <param name="Version">Increments on every persisted change; usable as an ETag.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.InterviewRequestView")]
public sealed record InterviewRequestView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? ExternalId,
    [property: Id(2)] string CandidateId,
    [property: Id(3)] RequestStatus Status,
    [property: Id(4)] string? Reason,
    [property: Id(5)] IReadOnlyList<ProposalView> Proposals,
    [property: Id(6)] BookingView? Booking,
    [property: Id(7)] IReadOnlyList<StatusChange> History,
    [property: Id(8)] long Version)
{
    /// <summary>The request as submitted.</summary>
    [Id(9)]
    public InterviewRequestSpec? Spec { get; init; }

    /// <summary>When it was submitted.</summary>
    [Id(10)]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(11)]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The participant whose constraint caused <see cref="RequestStatus.NoAvailability"/>, when one is to blame.</summary>
    [Id(12)]
    public string? ReasonParticipantId { get; init; }

    /// <summary>The stage whose constraint caused <see cref="RequestStatus.NoAvailability"/>, when the diagnosis names one.</summary>
    [Id(17)]
    public string? ReasonStageName { get; init; }

    /// <summary>A stable code for the reason (e.g. <c>busyAllWorkingHours</c>, <c>takenByOtherRequests</c>, <c>unknownParticipant</c>).</summary>
    [Id(13)]
    public string? ReasonCode { get; init; }

    /// <summary>Whether a participant reported a conflict that the <see cref="ConflictPolicy.Flag"/> policy left for the recruiter.</summary>
    [Id(14)]
    public bool ConflictFlagged { get; init; }

    /// <summary>The open first-to-accept offer while <see cref="RequestStatus.Offered"/>; otherwise <see langword="null"/>.</summary>
    [Id(15)]
    public RequestOfferView? Offer { get; init; }

    /// <summary>
    /// What was notified when (the request's outbox history, oldest first); filled by
    /// <see cref="IInterviewRequestGrain.GetWithNotifications"/>, empty in <see cref="IInterviewRequestGrain.Get"/>.
    /// </summary>
    [Id(16)]
    public IReadOnlyList<NotificationRecord> Notifications { get; init; } = [];
}
