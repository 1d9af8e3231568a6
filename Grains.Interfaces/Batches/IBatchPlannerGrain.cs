using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Batches;

/// <summary>
/// Plans one chunk of a batch of interview requests, key <c>{tenant}/{batchId}.{chunk}</c>: the
/// chunk holds auto-book requests that compete for the same interviewers (see
/// <c>BatchPartition</c>). It fetches every participant's availability once, runs the engine's
/// batch optimizer (<c>BatchScheduler</c>, DESIGN.md §4: as many bookings as possible, then by
/// score) and hands every request its planned option as a hint. A hint is booked only through the
/// request's own holds in participant-key order, so a stale or lost plan never double-books anyone;
/// it costs only the optimization.
/// </summary>
[Alias("Scheduler.Grains.IBatchPlannerGrain")]
public interface IBatchPlannerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Plans the given requests and releases each of them (with or without a hint) through
    /// <see cref="IInterviewRequestGrain.ReceiveBatchPlan"/>. A request that no longer waits for a plan
    /// ignores it.
    /// </summary>
    /// <param name="items">The chunk's accepted requests (ids without tenant, and their specs), in batch order; at most a few thousand.</param>
    /// <returns>What was planned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    [Alias("Plan")]
    Task<BatchPlanSummary> Plan(IReadOnlyList<BatchPlanItem> items);
}
