namespace Scheduler.Grains.Batches;

/// <summary>The outcome of <see cref="IBatchPlannerGrain.Plan"/>.</summary>
/// <param name="Requests">How many distinct requests were given.</param>
/// <param name="Planned">How many auto-book requests the optimizer planned (0 when the chunk could not be planned: a participant or pool is missing).</param>
/// <param name="Hinted">How many requests received a planned option.</param>
/// <param name="GreedyHinted">How many of the planned requests first come, first served (in batch order) would have placed; <see cref="Hinted"/> minus this is what the optimizer added.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BatchPlanSummary")]
public sealed record BatchPlanSummary([property: Id(0)] int Requests, [property: Id(1)] int Planned, [property: Id(2)] int Hinted, [property: Id(3)] int GreedyHinted);
