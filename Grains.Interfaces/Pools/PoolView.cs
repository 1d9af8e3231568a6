namespace Scheduler.Grains.Pools;

/// <summary>A stored interviewer pool.</summary>
/// <param name="Id">The pool id (without tenant).</param>
/// <param name="Members">Member participant ids, in the order given.</param>
/// <param name="Strategy">The selection strategy.</param>
/// <param name="Version">Increments on every change.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolView")]
public sealed record PoolView([property: Id(0)] string Id, [property: Id(1)] IReadOnlyList<string> Members, [property: Id(2)] PoolStrategy Strategy, [property: Id(3)] long Version);
