namespace Scheduler.Grains;

/// <summary>How a pool's members are chosen for a stage.</summary>
public enum PoolStrategy
{
    /// <summary>Members in turn: the member picked least recently first.</summary>
    RoundRobin,

    /// <summary>Members with the fewest bookings over the trailing fairness window first.</summary>
    LeastLoaded,
}
