namespace Scheduler.Grains.Pools;

/// <summary>How a pool's members are chosen for a stage.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.PoolStrategy")]
public enum PoolStrategy
{
    /// <summary>Members in turn: the member picked least recently first.</summary>
    RoundRobin,

    /// <summary>Members with the fewest bookings over the trailing fairness window first.</summary>
    LeastLoaded,

    /// <summary>
    /// The seat is offered to every member free at the slot the request found (Slack DM with an Accept button); the
    /// first member to accept takes it. Until someone accepts, the request keeps the other attendees held; when the
    /// offer expires unanswered the engine's pick (fewest trailing bookings) is booked instead. See docs/WORKFLOW.md.
    /// </summary>
    FirstToAccept,
}
