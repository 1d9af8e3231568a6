using Scheduler.Runtime;

namespace Scheduler.Grains;

/// <summary>
/// Plans one batch of interview requests, key <c>{tenant}/{batchId}</c>: groups the batch's
/// auto-book requests that share people, runs the engine's batch optimizer over each group once,
/// and hands every request its planned option as a hint. A hint is tried first but booked only
/// through the request's own holds, so a stale or lost plan never double-books anyone.
/// </summary>
public interface IBatchPlannerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Plans the given requests and releases each of them (with or without a hint). Requests that are
    /// not pending auto-book requests, or that share nobody with another request, get no hint.
    /// </summary>
    /// <param name="requestIds">The accepted request ids of the batch (without tenant), in batch order.</param>
    /// <returns>What was planned.</returns>
    Task<BatchPlanSummary> Plan(IReadOnlyList<string> requestIds);
}
