using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Batches;

/// <summary>The batch planner's option for one request (see <see cref="IInterviewRequestGrain.ReceiveBatchPlan"/>).</summary>
/// <param name="Stages">The planned stages, in the request's stage order, with concrete interviewers (named and drawn from pools); instants UTC.</param>
/// <param name="PoolMembers">Pool id → the members the planner offered to the optimizer, so that the request records the pool picks (round robin / least loaded) as after its own search.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BatchPlanHint")]
public sealed record BatchPlanHint([property: Id(0)] IReadOnlyList<ScheduledStageView> Stages, [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<string>> PoolMembers);
