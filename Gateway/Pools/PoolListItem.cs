using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Pools;

/// <summary>One pool in the list.</summary>
/// <param name="Id">The pool id.</param>
/// <param name="Strategy">The selection strategy.</param>
/// <param name="MemberCount">How many members it has (1–500).</param>
public sealed record PoolListItem(string Id, PoolStrategy Strategy, int MemberCount);
