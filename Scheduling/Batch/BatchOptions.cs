namespace Scheduler.Scheduling.Batch;

/// <summary>Tuning of the batch optimizer.</summary>
/// <param name="OptionsPerRequest">
/// How many options per request (best-scoring, spread across days as for proposals) the optimizer may move a
/// request between; 1 to 1000, default 24. More options can book more requests at a higher cost.
/// </param>
/// <param name="RepairDepth">How many other requests one repair may move to make room (augmenting path length), 0 to 4; default 2.</param>
/// <param name="RepairPasses">How many times the repair sweeps all unbooked requests (stopping early when a sweep books nothing), 0 to 10; default 3.</param>
public sealed record BatchOptions(int OptionsPerRequest = 24, int RepairDepth = 2, int RepairPasses = 3)
{
    /// <summary>The defaults.</summary>
    public static BatchOptions Default { get; } = new();
}
