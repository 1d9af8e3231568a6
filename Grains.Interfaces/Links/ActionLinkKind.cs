namespace Scheduler.Grains.Links;

/// <summary>What following an action link does. The values are written into tokens that live for days: never renumber them.</summary>
public enum ActionLinkKind
{
    /// <summary>The candidate books one of the request's proposals (<see cref="Requests.IInterviewRequestGrain.Select"/>).</summary>
    ChooseProposal = 0,

    /// <summary>A pool member accepts a first-to-accept offer (<see cref="Pools.IInterviewerPoolGrain.Accept"/>).</summary>
    AcceptPoolOffer = 1,

    /// <summary>The candidate asks for another time for a booking (<see cref="Requests.IInterviewRequestGrain.RescheduleForCandidate"/>).</summary>
    RescheduleBooking = 2,
}
