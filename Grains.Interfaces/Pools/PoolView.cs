namespace Scheduler.Grains;

/// <summary>A stored interviewer pool.</summary>
/// <param name="Id">The pool id (without tenant).</param>
/// <param name="Members">Member participant ids, in the order given.</param>
/// <param name="Strategy">The selection strategy.</param>
/// <param name="Version">Increments on every change.</param>
public sealed record PoolView(string Id, IReadOnlyList<string> Members, PoolStrategy Strategy, long Version);
