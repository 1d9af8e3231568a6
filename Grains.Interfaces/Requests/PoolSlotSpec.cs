namespace Scheduler.Grains;

/// <summary>A stage's requirement of members from an interviewer pool.</summary>
/// <param name="PoolId">The pool id (without tenant).</param>
/// <param name="Count">How many members attend; at least 1.</param>
public sealed record PoolSlotSpec(string PoolId, int Count);
