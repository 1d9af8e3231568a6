using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Web.Pools;

/// <summary>A pool and its members' interviews, for the pool page's fairness chart.</summary>
/// <param name="PoolId">The pool id.</param>
/// <param name="Strategy">How the pool picks members.</param>
/// <param name="From">The start of the first counted week (UTC).</param>
/// <param name="Now">When it was read (UTC): the end of the last counted week and the start of "ahead".</param>
/// <param name="Members">The members in the pool's order.</param>
public sealed record PoolLoad(string PoolId, PoolStrategy Strategy, DateTimeOffset From, DateTimeOffset Now, IReadOnlyList<MemberLoad> Members)
{
    /// <summary>The longest bar of the chart: the largest past plus ahead count, at least 1.</summary>
    public int Scale => Math.Max(1, Members.Count == 0 ? 0 : Members.Max(m => m.Past + m.Ahead));
}
