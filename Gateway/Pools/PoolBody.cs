using Scheduler.Grains;

namespace Scheduler.Gateway.Pools;

/// <summary>The body of <c>PUT /v1/pools/{id}</c>.</summary>
public sealed record PoolBody
{
    /// <summary>Member participant ids, 1–500, without duplicates; each must exist.</summary>
    public IReadOnlyList<string?>? Members { get; init; }

    /// <summary><c>roundRobin</c> (default) or <c>leastLoaded</c>.</summary>
    public PoolStrategy? Strategy { get; init; }
}
