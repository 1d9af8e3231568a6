namespace Scheduler.Grains;

/// <summary>One request of a chunk handed to <see cref="IBatchPlannerGrain.Plan"/>.</summary>
/// <param name="RequestId">The request id (without tenant).</param>
/// <param name="Spec">The request as submitted; the request grain checks any hint against its own stored spec.</param>
public sealed record BatchPlanItem(string RequestId, InterviewRequestSpec Spec);
