namespace Scheduler.Grains.Requests;

/// <summary>
/// What a request's status does not say by itself. Each phase belongs to one status
/// (<see cref="RequestTransitions.PhaseAllowed"/>); every status change sets the phase, to <see cref="None"/> unless the
/// move names one, so a phase never outlives its status.
/// </summary>
public enum RequestPhase
{
    /// <summary>The status says it all.</summary>
    None = 0,

    /// <summary>Pending: waits for its batch planner's option (at most <c>RequestSettings.PlanWait</c>) before negotiating on its own.</summary>
    AwaitingPlan = 1,

    /// <summary>Booking: a pool member accepted the offer; the target has the winner in the seat and is booked without offering.</summary>
    SeatDecided = 2,

    /// <summary>Booking: an offer lapsed; the target has the engine's pick in the seat, and until this booking round ends every first-to-accept seat is filled by the engine's pick.</summary>
    OffersLapsed = 3,

    /// <summary>Booked: a calendar conflict was flagged for the recruiter (policy <c>flag</c>); the booking stands.</summary>
    ConflictFlagged = 4,

    /// <summary>
    /// Rescheduling or Booking: the candidate asked for another time. The new times are proposed to them, whatever the
    /// request's mode; the time they chose is booked as proposed (a first-to-accept seat with the member the proposal
    /// names, without an offer), and when it is taken first, new times are proposed to them again instead of booking one
    /// they did not choose.
    /// </summary>
    CandidateChoice = 5,
}
