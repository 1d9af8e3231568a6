using static Scheduler.Grains.Requests.RequestStatus;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The interview request's state machine as a table: for each <see cref="RequestTrigger"/>, the statuses it may fire in
/// and the status it leads to. Every status change of the request grain goes through <see cref="Next"/>; commands ask
/// <see cref="Allows"/> first and refuse what the table does not allow (409 in the API). See docs/WORKFLOW.md.
/// </summary>
public static class RequestTransitions
{
    private static readonly Dictionary<RequestTrigger, (RequestStatus?[] From, RequestStatus To)> Table = new()
    {
        [RequestTrigger.Submitted] = ([null], Pending),
        [RequestTrigger.Planned] = ([Pending], Booking),
        [RequestTrigger.OptionsFound] = ([Pending, Rescheduling], Booking),
        [RequestTrigger.ProposalsFound] = ([Pending, Rescheduling, Booking], Proposed),
        [RequestTrigger.Selected] = ([Proposed], Booking),
        [RequestTrigger.OfferSent] = ([Booking], Offered),
        [RequestTrigger.OfferAccepted] = ([Offered], Booking),
        [RequestTrigger.OfferLapsed] = ([Offered], Booking),
        [RequestTrigger.Renegotiated] = ([Offered, Booking], Booking),
        [RequestTrigger.Booked] = ([Booking], Booked),
        [RequestTrigger.NoAvailability] = ([Pending, Rescheduling, Booking], NoAvailability),
        [RequestTrigger.Failed] = ([Pending, Rescheduling, Booking], Failed),
        [RequestTrigger.Cancelled] = ([Pending, Proposed, Booking, Offered, Booked, Rescheduling], Cancelled),
        [RequestTrigger.RescheduleRequested] = ([Proposed, Offered, Booked, NoAvailability, Failed], Rescheduling),
        [RequestTrigger.ConflictRescheduled] = ([Booked], Rescheduling),
        [RequestTrigger.ConflictFlagged] = ([Booked], Booked),
        [RequestTrigger.Completed] = ([Booked], Completed),
    };

    /// <summary>Whether <paramref name="trigger"/> may fire in <paramref name="from"/>.</summary>
    /// <param name="from">The current status; <see langword="null"/> before the request is submitted.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when the table has the move.</returns>
    public static bool Allows(RequestStatus? from, RequestTrigger trigger) =>
        Table.TryGetValue(trigger, out var row) && row.From.Contains(from);

    /// <summary>The status <paramref name="trigger"/> leads to from <paramref name="from"/>.</summary>
    /// <param name="from">The current status; <see langword="null"/> before the request is submitted.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The next status (possibly <paramref name="from"/> itself: a flagged conflict, a new booking round).</returns>
    /// <exception cref="RequestTransitionException">The table has no such move.</exception>
    public static RequestStatus Next(RequestStatus? from, RequestTrigger trigger) =>
        Allows(from, trigger) ? Table[trigger].To : throw new RequestTransitionException(from, trigger);

    /// <summary>Whether <paramref name="phase"/> may go with <paramref name="status"/> (<see cref="RequestPhase.None"/> goes with every status).</summary>
    /// <param name="status">The status.</param>
    /// <param name="phase">The phase.</param>
    /// <returns><see langword="true"/> when the phase is a sub-state of the status.</returns>
    public static bool PhaseAllowed(RequestStatus status, RequestPhase phase) => phase switch
    {
        RequestPhase.None => true,
        RequestPhase.AwaitingPlan => status == Pending,
        RequestPhase.SeatDecided or RequestPhase.OffersLapsed => status == Booking,
        RequestPhase.ConflictFlagged => status == Booked,
        RequestPhase.CandidateChoice => status is Rescheduling or Booking,
        _ => false,
    };

    /// <summary>Whether the request works on its own in <paramref name="status"/> (searching, booking, offering) until it reaches a resting status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for Pending, Rescheduling, Booking and Offered.</returns>
    public static bool InProgress(RequestStatus status) => status is Pending or Rescheduling or Booking or Offered;
}
