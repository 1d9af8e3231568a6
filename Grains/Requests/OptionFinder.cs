using Scheduler.Grains.Learning;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Settings;
using Scheduler.Scheduling.Engine;
using Scheduler.Scheduling.Learning;
using Scheduler.Scheduling.Requests;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Step 1 and 2 of the negotiation: asks every participant (candidate, panel, pool members) in
/// parallel for its engine input, then runs the scheduling engine, with the participants' learned preferences
/// scored when the tenant's <see cref="SchedulingSettings.PreferenceLearning"/> is on.
/// </summary>
internal static class OptionFinder
{
    public static async Task<OptionSearchResult> FindAsync(
        IGrainFactory grains, string tenant, string requestKey, InterviewRequestSpec spec, TimeRange window, int maxOptions, DateTimeOffset now)
    {
        var (pools, emptyPool) = await PoolMembersAsync(grains, tenant, spec, new(StringComparer.Ordinal));
        if (emptyPool is not null)
        {
            return new OptionSearchResult([], null, $"Pool '{emptyPool}' does not exist or has no members.", "unknownPool", null);
        }

        var ids = ParticipantIds(spec, pools).Distinct(StringComparer.Ordinal).ToArray();
        var query = new AvailabilityInputQuery(window, requestKey);
        var learning = await LearningAsync(grains, tenant);
        var data = await Task.WhenAll(ids.Select(id => grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetAvailabilityInput(query)));
        if (data.FirstOrDefault(d => !d.Exists) is { } missing)
        {
            return new OptionSearchResult([], null, $"Participant '{missing.ParticipantId}' does not exist.", "unknownParticipant", missing.ParticipantId);
        }

        try
        {
            var request = ToEngineRequest(spec, pools, window, requestKey, maxOptions) with { PreferenceLearning = learning };
            var result = SchedulingEngine.Schedule(request, [.. data.Select(EngineMapping.ToEngineInput)], EngineMapping.ToInstant(now));
            return new OptionSearchResult(result.Options, result.NoAvailability, null, null, null)
            {
                PoolMembers = pools,
                StaleCalendars = data.Where(d => d.StaleCalendars.Count > 0).ToDictionary(d => d.ParticipantId, d => d.StaleCalendars, StringComparer.Ordinal),
            };
        }
        catch (ArgumentException exception)
        {
            return new OptionSearchResult([], null, exception.Message, "invalidRequest", null);
        }
    }

    /// <summary>
    /// The members of every pool a request draws from (shared with the batch planner), each pool read once per
    /// <paramref name="read"/>; the first pool that does not exist or has no members ends the reading.
    /// </summary>
    public static async Task<(Dictionary<string, IReadOnlyList<string>> Members, string? Missing)> PoolMembersAsync(
        IGrainFactory grains, string tenant, InterviewRequestSpec spec, Dictionary<string, IReadOnlyList<string>> read)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var poolId in spec.Stages.SelectMany(s => s.Pools).Select(p => p.PoolId).Distinct(StringComparer.Ordinal))
        {
            if (!read.TryGetValue(poolId, out var members))
            {
                read[poolId] = members = await grains.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(tenant, poolId)).GetMembersForSelection();
            }

            if (members.Count == 0)
            {
                return (result, poolId);
            }

            result[poolId] = members;
        }

        return (result, null);
    }

    /// <summary>Everyone a request may involve: the candidate, the panel and the members of its pools (with repeats).</summary>
    public static IEnumerable<string> ParticipantIds(InterviewRequestSpec spec, IReadOnlyDictionary<string, IReadOnlyList<string>> pools) =>
        spec.Stages.SelectMany(s => s.InterviewerIds).Concat(pools.Values.SelectMany(m => m)).Prepend(spec.CandidateId);

    /// <summary>The engine's view of a request (shared with the batch planner so both search the same way).</summary>
    public static SchedulingRequest ToEngineRequest(
        InterviewRequestSpec spec, IReadOnlyDictionary<string, IReadOnlyList<string>> pools, TimeRange window, string requestKey, int maxOptions) =>
        new(
            spec.CandidateId,
            [.. spec.Stages.Select(s => new StageRequest(s.Name, s.DurationMinutes, s.InterviewerIds)
            {
                Pools = [.. s.Pools.Select(p => new PoolRequirement(p.PoolId, p.Count, pools[p.PoolId]))],
            })],
            EngineMapping.ToInterval(window))
        {
            RequestId = requestKey,
            MinimumNoticeMinutes = spec.MinimumNoticeMinutes,
            SlotGranularityMinutes = spec.SlotGranularityMinutes,
            MaxProposals = maxOptions,
            CandidatePreferredTimes = EngineMapping.ToRules(spec.CandidatePreferredTimes, "candidatePreferences.preferredTimes"),
            Sequencing = new SequencingRules(spec.Sequencing.SameDay, spec.Sequencing.MinGapMinutes, spec.Sequencing.MaxGapMinutes),
        };

    /// <summary>
    /// How the engine scores learned preferences for the tenant (shared with the batch planner): <see langword="null"/> when
    /// its <see cref="SchedulingSettings.PreferenceLearning"/> is off, and also when the cluster cannot answer for its
    /// settings (the settings grain's silo was just lost), so the search goes on without a soft score rather than failing.
    /// </summary>
    public static async Task<PreferenceLearningOptions?> LearningAsync(IGrainFactory grains, string tenant)
    {
        try
        {
            var settings = await grains.GetGrain<ISchedulingSettingsGrain>(tenant).Get();
            return settings.PreferenceLearning ? PreferenceMapping.Options(settings.LearningHalfLifeDays) : null;
        }
        catch (Exception exception) when (exception is OrleansMessageRejectionException or TimeoutException)
        {
            return null;
        }
    }
}
