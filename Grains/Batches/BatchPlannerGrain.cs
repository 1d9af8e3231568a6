using Scheduler.Grains.Requests;
using Scheduler.Scheduling.Batch;

namespace Scheduler.Grains.Batches;

/// <summary>
/// Plans one chunk of a batch (see <see cref="IBatchPlannerGrain"/>). Stateless: a lost plan costs
/// only the optimization, because every request negotiates on its own after its deadline or
/// reminder. It deactivates once the chunk is planned.
/// Placed on the silo the gateway's call arrives at: it lives for one chunk, so spreading it buys nothing.
/// </summary>
[GrainType("batchplanner")]
[Orleans.Placement.PreferLocalPlacement]
public sealed class BatchPlannerGrain : Grain, IBatchPlannerGrain
{
    // What the engine request asks for; the batch optimizer enumerates its own options per request.
    private const int ProposalCount = 10;

    private readonly TimeProvider _time;
    private readonly ILogger<BatchPlannerGrain> _log;
    private readonly BatchOptions _optimizer;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="options">The planner's settings (the CP-SAT budget).</param>
    /// <param name="log">The logger.</param>
    public BatchPlannerGrain(TimeProvider time, IOptions<BatchPlannerOptions> options, ILogger<BatchPlannerGrain> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _log = log;

        // One repair sweep with single moves before the solver: on the load driver's batch it keeps nearly all of what the
        // default three sweeps of chains of two add over first come, first served, at a third of the time, and CP-SAT,
        // warm-started from it, does the rest (bench/Scheduler.Scheduling.Benchmarks --chunk-report, docs/PERFORMANCE.md).
        _optimizer = new BatchOptions(RepairPasses: 1, RepairDepth: 1) { SolverTimeLimit = options.Value.SolverTimeLimit };
    }

    /// <inheritdoc />
    public async Task<BatchPlanSummary> Plan(IReadOnlyList<BatchPlanItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        DeactivateOnIdle();
        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        var distinct = items.DistinctBy(i => i.RequestId, StringComparer.Ordinal).ToArray();
        var planned = distinct.Where(i => i.Spec.Mode == SchedulingMode.AutoBook).ToArray();
        var hints = new Dictionary<string, BatchPlanHint>(StringComparer.Ordinal);
        int hinted = 0, greedy = 0, plannedCount = 0;
        try
        {
            if (planned.Length > 1 && await ScheduleAsync(tenant, planned) is var (result, pools))
            {
                plannedCount = planned.Length;
                greedy = result.GreedyBookedCount;
                foreach (var assignment in result.Assignments.Where(a => a.Option is not null))
                {
                    var item = planned[assignment.Index];
                    hints[item.RequestId] = new BatchPlanHint(EngineMapping.ToStages(assignment.Option!), pools[assignment.Index]);
                    hinted++;
                }
            }
        }
        catch (ArgumentException exception)
        {
            _log.ChunkFailed(this.GetPrimaryKeyString(), exception, planned.Length);
        }

        await Task.WhenAll(distinct.Select(i => GrainFactory.GetGrain<IInterviewRequestGrain>(GrainKeys.For(tenant, i.RequestId))
            .ReceiveBatchPlan(hints.GetValueOrDefault(i.RequestId))));
        _log.Planned(this.GetPrimaryKeyString(), distinct.Length, plannedCount, hinted, greedy);
        return new BatchPlanSummary(distinct.Length, plannedCount, hinted, greedy);
    }

    /// <summary>
    /// Fetches every participant and pool of the chunk once and runs the batch optimizer;
    /// <see langword="null"/> when a participant or pool is missing (each request then finds that out itself).
    /// </summary>
    private async Task<(BatchResult Result, IReadOnlyDictionary<string, IReadOnlyList<string>>[] Pools)?> ScheduleAsync(string tenant, BatchPlanItem[] items)
    {
        var poolCache = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var pools = new IReadOnlyDictionary<string, IReadOnlyList<string>>[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var (members, missing) = await OptionFinder.PoolMembersAsync(GrainFactory, tenant, items[i].Spec, poolCache);
            if (missing is not null)
            {
                return null;
            }

            pools[i] = members;
        }

        var window = new TimeRange(items.Min(m => m.Spec.Window.Start), items.Max(m => m.Spec.Window.End));
        var query = new AvailabilityInputQuery(window, this.GetPrimaryKeyString());
        var people = items.SelectMany((item, i) => OptionFinder.ParticipantIds(item.Spec, pools[i])).Distinct(StringComparer.Ordinal).ToArray();
        var data = await Task.WhenAll(people.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetAvailabilityInput(query)));
        if (data.Any(d => !d.Exists))
        {
            return null;
        }

        var learning = await OptionFinder.LearningAsync(GrainFactory, tenant);
        var requests = items
            .Select((m, i) => OptionFinder.ToEngineRequest(m.Spec, pools[i], m.Spec.Window, GrainKeys.For(tenant, m.RequestId), ProposalCount) with { PreferenceLearning = learning })
            .ToArray();
        var inputs = data.Select(EngineMapping.ToEngineInput).ToArray();
        var now = EngineMapping.ToInstant(_time.GetUtcNow());

        // The optimizer is CPU-bound for up to its budget: it runs on the thread pool, not on the silo's scheduler, so
        // other grains' turns are not held up behind it.
        var result = await Task.Run(() => BatchScheduler.Schedule(requests, inputs, now, _optimizer));
        if (result.Solver.Status is BatchSolverStatus.Unavailable or BatchSolverStatus.Failed)
        {
            _log.SolverFellBack(this.GetPrimaryKeyString(), result.Solver.Status, result.Solver.Message);
        }

        _log.Solved(this.GetPrimaryKeyString(), result.Strategy, result.BookedCount, result.UpperBound, result.Solver.Status, result.Solver.DeterministicSeconds);
        return (result, pools);
    }
}
