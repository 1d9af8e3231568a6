namespace Scheduler.Grains.Requests;

/// <summary>A stage's requirement of members from an interviewer pool.</summary>
/// <param name="PoolId">The pool id (without tenant).</param>
/// <param name="Count">How many members attend; at least 1.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolSlotSpec")]
public sealed record PoolSlotSpec([property: Id(0)] string PoolId, [property: Id(1)] int Count);
