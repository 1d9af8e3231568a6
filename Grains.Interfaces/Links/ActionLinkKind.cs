namespace Scheduler.Grains.Links;

/// <summary>What following an action link does.</summary>
public enum ActionLinkKind
{
    /// <summary>The candidate books one of the request's proposals (<see cref="Requests.IInterviewRequestGrain.Select"/>).</summary>
    ChooseProposal,

    /// <summary>A pool member accepts a first-to-accept offer (<see cref="Pools.IInterviewerPoolGrain.Accept"/>).</summary>
    AcceptPoolOffer,
}
