namespace Scheduler.Gateway.InterviewRequests;

/// <summary>An interview request as dashboards see it.</summary>
/// <param name="Id">The request id.</param>
/// <param name="ExternalId">The caller's id.</param>
/// <param name="CandidateId">The candidate's participant id.</param>
/// <param name="Status"><c>pending</c>, <c>proposed</c>, <c>booking</c>, <c>offered</c> (a first-to-accept pool seat is offered; see <c>offer</c>), <c>booked</c>, <c>completed</c>, <c>noAvailability</c>, <c>cancelled</c>, <c>rescheduling</c> or <c>failed</c>.</param>
/// <param name="Reason">Why, for <c>noAvailability</c>, <c>failed</c> and <c>cancelled</c>.</param>
/// <param name="ReasonCode">A stable code for the reason (e.g. <c>takenByOtherRequests</c>).</param>
/// <param name="ReasonParticipantId">The participant whose constraint is to blame, when one is.</param>
/// <param name="Proposals">The current proposals (propose mode).</param>
/// <param name="Booking">The booking, once booked.</param>
/// <param name="History">Every transition, oldest first.</param>
/// <param name="Version">Increments on every change; the <c>ETag</c> is derived from it.</param>
/// <param name="CreatedAt">When it was submitted (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="ConflictFlagged">Whether a calendar conflict was flagged for the recruiter.</param>
public sealed record InterviewRequestResponse(
    string Id,
    string? ExternalId,
    string CandidateId,
    RequestStatus Status,
    string? Reason,
    string? ReasonCode,
    string? ReasonParticipantId,
    IReadOnlyList<ProposalView> Proposals,
    BookingView? Booking,
    IReadOnlyList<StatusChange> History,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool ConflictFlagged)
{
    /// <summary>The open first-to-accept offer while <c>offered</c> (pool, offer id, stage, slot, members offered to, expiry); otherwise <see langword="null"/>.</summary>
    public RequestOfferView? Offer { get; init; }

    /// <summary>Builds the response from the grain's view.</summary>
    /// <param name="view">The view.</param>
    /// <returns>The response.</returns>
    public static InterviewRequestResponse From(InterviewRequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new InterviewRequestResponse(
            view.Id,
            view.ExternalId,
            view.CandidateId,
            view.Status,
            view.Reason,
            view.ReasonCode,
            view.ReasonParticipantId,
            view.Proposals,
            view.Booking,
            view.History,
            view.Version,
            view.CreatedAt,
            view.UpdatedAt,
            view.ConflictFlagged)
        {
            Offer = view.Offer,
        };
    }

    /// <summary>The entity tag of a view: the quoted version.</summary>
    /// <param name="view">The view.</param>
    /// <returns>E.g. <c>"7"</c>.</returns>
    public static string ETagOf(InterviewRequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"\"{view.Version}\"";
    }
}
