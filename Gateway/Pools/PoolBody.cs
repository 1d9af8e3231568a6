using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Pools;

/// <summary>The body of <c>PUT /v1/pools/{id}</c>.</summary>
public sealed record PoolBody
{
    /// <summary>Member participant ids, 1–500, without duplicates; each must exist.</summary>
    public IReadOnlyList<string?>? Members { get; init; }

    /// <summary><c>roundRobin</c> (default), <c>leastLoaded</c> or <c>firstToAccept</c> (the seat is offered to the members free at the slot; the first to accept takes it).</summary>
    public PoolStrategy? Strategy { get; init; }
}
