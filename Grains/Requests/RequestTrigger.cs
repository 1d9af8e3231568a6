namespace Scheduler.Grains.Requests;

/// <summary>
/// What moves an interview request from one status to another. Which statuses a trigger may fire in, and where it
/// leads, is <see cref="RequestTransitions"/>; the summaries below name the same moves.
/// </summary>
public enum RequestTrigger
{
    /// <summary>The request is stored: (not yet submitted) → Pending.</summary>
    Submitted = 0,

    /// <summary>The batch planner's option is tried first: Pending → Booking.</summary>
    Planned = 1,

    /// <summary>Auto-book mode found options and books them in order: Pending, Rescheduling → Booking.</summary>
    OptionsFound = 2,

    /// <summary>Propose mode found options (the first search, or a new one after the selected option was taken): Pending, Rescheduling, Booking → Proposed.</summary>
    ProposalsFound = 3,

    /// <summary>The candidate selected a proposal: Proposed → Booking.</summary>
    Selected = 4,

    /// <summary>A first-to-accept pool seat is offered while everyone else is held: Booking → Offered.</summary>
    OfferSent = 5,

    /// <summary>A pool member accepted the offer: Offered → Booking (<see cref="RequestPhase.SeatDecided"/>).</summary>
    OfferAccepted = 6,

    /// <summary>Nobody accepted in time: Offered → Booking (<see cref="RequestPhase.OffersLapsed"/>).</summary>
    OfferLapsed = 7,

    /// <summary>The held slot, the offered pool or the winner's time was lost; a new round starts: Offered, Booking → Booking.</summary>
    Renegotiated = 8,

    /// <summary>Every attendee confirmed: Booking → Booked.</summary>
    Booked = 9,

    /// <summary>No option is free, or every option was taken in the bounded attempts: Pending, Rescheduling, Booking → NoAvailability.</summary>
    NoAvailability = 10,

    /// <summary>The search failed for good (unknown participant or pool, a request the engine rejects): Pending, Rescheduling, Booking → Failed.</summary>
    Failed = 11,

    /// <summary>Cancelled by the recruiter: Pending, Proposed, Booking, Offered, Booked, Rescheduling → Cancelled.</summary>
    Cancelled = 12,

    /// <summary>A reschedule was asked for: Proposed, Offered, Booked, NoAvailability, Failed → Rescheduling.</summary>
    RescheduleRequested = 13,

    /// <summary>A calendar conflict under the <c>reschedule</c> policy: Booked → Rescheduling.</summary>
    ConflictRescheduled = 14,

    /// <summary>A calendar conflict under the <c>flag</c> policy (booking kept, history entry): Booked → Booked (<see cref="RequestPhase.ConflictFlagged"/>).</summary>
    ConflictFlagged = 15,

    /// <summary>The end of the last stage passed: Booked → Completed.</summary>
    Completed = 16,
}
