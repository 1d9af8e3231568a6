namespace Scheduler.Grains;

/// <summary>An interviewer pool's definition.</summary>
/// <param name="Members">Member participant ids (without tenant), without duplicates.</param>
/// <param name="Strategy">The selection strategy.</param>
public sealed record PoolDefinition(IReadOnlyList<string> Members, PoolStrategy Strategy);
