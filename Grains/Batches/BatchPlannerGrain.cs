using Microsoft.Extensions.Logging;
using Scheduler.Grains.Common;
using Scheduler.Grains.Requests;
using Scheduler.Runtime;
using Scheduler.Scheduling;

namespace Scheduler.Grains.Batches;

/// <summary>
/// Plans a batch (see <see cref="IBatchPlannerGrain"/>). Stateless: a lost plan costs only the
/// optimization, because every request negotiates on its own after its deadline or reminder.
/// </summary>
[GrainType("batchplanner")]
public sealed class BatchPlannerGrain : Grain, IBatchPlannerGrain
{
    /// <summary>The most requests one optimizer run plans; larger groups are planned in consecutive parts.</summary>
    public const int MaxGroupSize = 200;

    // What the engine request asks for; the batch optimizer enumerates its own options per request.
    private const int ProposalCount = 10;

    private readonly TimeProvider _time;
    private readonly ILogger<BatchPlannerGrain> _log;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    public BatchPlannerGrain(TimeProvider time, ILogger<BatchPlannerGrain> log)
    {
        _time = time;
        _log = log;
    }

    /// <inheritdoc />
    public async Task<BatchPlanSummary> Plan(IReadOnlyList<string> requestIds)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var tenant = GrainKeys.Split(GetPrimaryKeyString()).Tenant;
        var ids = requestIds.Distinct(StringComparer.Ordinal).ToArray();
        var grains = ids.Select(id => GrainFactory.GetGrain<IInterviewRequestGrain>(GrainKeys.For(tenant, id))).ToArray();
        var views = await Task.WhenAll(grains.Select(g => g.Get()));
        var pools = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var entries = new List<Entry>();
        var unplanned = new List<IInterviewRequestGrain>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (views[i] is { Status: RequestStatus.Pending, Spec: { Mode: SchedulingMode.AutoBook } spec }
                && await MembersAsync(tenant, spec, pools) is { } members)
            {
                var people = members.Values.SelectMany(m => m).Concat(spec.Stages.SelectMany(s => s.InterviewerIds)).Append(spec.CandidateId);
                entries.Add(new Entry(GrainKeys.For(tenant, ids[i]), grains[i], spec, members, [.. people.Distinct(StringComparer.Ordinal)]));
            }
            else
            {
                unplanned.Add(grains[i]);
            }
        }

        var groups = BatchGroups.Split([.. entries.Select(e => e.People)], MaxGroupSize);
        unplanned.AddRange(groups.Where(g => g.Count == 1).Select(g => entries[g[0]].Grain));
        await Task.WhenAll(unplanned.Select(g => g.ReceiveBatchPlan(null)));

        int planned = 0, groupCount = 0, hinted = 0, greedy = 0;
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            var members = group.Select(i => entries[i]).ToArray();
            var hints = new IReadOnlyList<ScheduledStageView>?[members.Length];
            try
            {
                if (await ScheduleAsync(tenant, members) is { } result)
                {
                    planned += members.Length;
                    groupCount++;
                    greedy += result.GreedyBookedCount;
                    foreach (var assignment in result.Assignments.Where(a => a.Option is not null))
                    {
                        hints[assignment.Index] = ToStages(assignment.Option!);
                        hinted++;
                    }
                }
            }
            catch (ArgumentException exception)
            {
                _log.GroupFailed(exception, GetPrimaryKeyString(), members.Length);
            }

            await Task.WhenAll(members.Select((m, i) => m.Grain.ReceiveBatchPlan(hints[i])));
        }

        _log.Planned(GetPrimaryKeyString(), ids.Length, planned, groupCount, hinted, greedy);
        return new BatchPlanSummary(ids.Length, planned, groupCount, hinted, greedy);
    }

    /// <summary>Fetches every participant of the group once and runs the batch optimizer; <see langword="null"/> when someone does not exist.</summary>
    private async Task<BatchResult?> ScheduleAsync(string tenant, Entry[] members)
    {
        var window = new TimeRange(members.Min(m => m.Spec.Window.Start), members.Max(m => m.Spec.Window.End));
        var query = new AvailabilityInputQuery(window, GetPrimaryKeyString());
        var people = members.SelectMany(m => m.People).Distinct(StringComparer.Ordinal).ToArray();
        var data = await Task.WhenAll(people.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetAvailabilityInput(query)));
        if (data.Any(d => !d.Exists))
        {
            return null;
        }

        var requests = members.Select(m => OptionFinder.ToEngineRequest(m.Spec, m.Pools, m.Spec.Window, m.Key, ProposalCount)).ToArray();
        return BatchScheduler.Schedule(requests, [.. data.Select(EngineMapping.ToEngineInput)], EngineMapping.ToInstant(_time.GetUtcNow()));
    }

    /// <summary>The members of every pool the spec draws from; <see langword="null"/> when a pool is missing or empty.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>?> MembersAsync(string tenant, InterviewRequestSpec spec, Dictionary<string, IReadOnlyList<string>> cache)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var poolId in spec.Stages.SelectMany(s => s.Pools).Select(p => p.PoolId).Distinct(StringComparer.Ordinal))
        {
            if (!cache.TryGetValue(poolId, out var members))
            {
                cache[poolId] = members = await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(tenant, poolId)).GetMembersForSelection();
            }

            if (members.Count == 0)
            {
                return null;
            }

            result[poolId] = members;
        }

        return result;
    }

    private static List<ScheduledStageView> ToStages(ScheduleOption option) =>
        [.. option.Stages.Select(s => new ScheduledStageView(s.Name, EngineMapping.ToDateTimeOffset(s.Start), EngineMapping.ToDateTimeOffset(s.End), [.. s.InterviewerIds]))];

    private sealed record Entry(string Key, IInterviewRequestGrain Grain, InterviewRequestSpec Spec, IReadOnlyDictionary<string, IReadOnlyList<string>> Pools, IReadOnlyCollection<string> People);
}
