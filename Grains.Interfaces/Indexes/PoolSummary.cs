using Scheduler.Grains.Pools;

namespace Scheduler.Grains.Indexes;

/// <summary>What an administrator's pool list shows about one pool, and whom it has (to find the pools of a participant).</summary>
/// <param name="Id">The pool id (without tenant).</param>
/// <param name="Strategy">The selection strategy.</param>
/// <param name="Members">The member participant ids (without tenant), in the pool's order.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolSummary")]
public sealed record PoolSummary([property: Id(0)] string Id, [property: Id(1)] PoolStrategy Strategy, [property: Id(2)] IReadOnlyList<string> Members)
{
    /// <summary>How many members the pool has (0–500).</summary>
    public int MemberCount => Members.Count;
}
