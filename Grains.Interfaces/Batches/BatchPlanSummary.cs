namespace Scheduler.Grains;

/// <summary>The outcome of <see cref="IBatchPlannerGrain.Plan"/>.</summary>
/// <param name="Requests">How many request ids were given.</param>
/// <param name="Planned">How many requests were in a group of two or more that the optimizer planned.</param>
/// <param name="Groups">How many such groups were planned.</param>
/// <param name="Hinted">How many requests received a planned option.</param>
/// <param name="GreedyHinted">How many of the planned requests first-come-first-served would have placed.</param>
public sealed record BatchPlanSummary(int Requests, int Planned, int Groups, int Hinted, int GreedyHinted);
