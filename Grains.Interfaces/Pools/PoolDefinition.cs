namespace Scheduler.Grains.Pools;

/// <summary>An interviewer pool's definition.</summary>
/// <param name="Members">Member participant ids (without tenant), without duplicates.</param>
/// <param name="Strategy">The selection strategy.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolDefinition")]
public sealed record PoolDefinition([property: Id(0)] IReadOnlyList<string> Members, [property: Id(1)] PoolStrategy Strategy);
