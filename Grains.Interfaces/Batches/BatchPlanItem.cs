using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Batches;

/// <summary>One request of a chunk handed to <see cref="IBatchPlannerGrain.Plan"/>.</summary>
/// <param name="RequestId">The request id (without tenant).</param>
/// <param name="Spec">The request as submitted; the request grain checks any hint against its own stored spec.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BatchPlanItem")]
public sealed record BatchPlanItem([property: Id(0)] string RequestId, [property: Id(1)] InterviewRequestSpec Spec);
