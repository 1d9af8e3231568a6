using Scheduler.Runtime;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Steps 3 and 4 of the negotiation: holds on every attendee in participant-key order, then
/// confirmation; on any refusal everything taken so far is released.
/// </summary>
internal static class HoldTaker
{
    public static async Task<bool> TryBookAsync(IGrainFactory grains, string tenant, string requestKey, InterviewRequestSpec spec, IReadOnlyList<ScheduledStageView> stages)
    {
        var plan = Plan(tenant, requestKey, spec.CandidateId, stages, spec.Conferencing);
        var held = new List<IParticipantGrain>(plan.Count);
        foreach (var (key, hold) in plan)
        {
            var grain = grains.GetGrain<IParticipantGrain>(key);
            var outcome = await grain.TryHold(hold);
            if (!outcome.Granted)
            {
                await Task.WhenAll(held.Select(g => g.ReleaseHold(requestKey)));
                return false;
            }

            held.Add(grain);
        }

        foreach (var (key, hold) in plan)
        {
            var grain = grains.GetGrain<IParticipantGrain>(key);
            var outcome = await grain.ConfirmHold(hold);
            if (!outcome.Granted)
            {
                await Task.WhenAll(held.Select(g => g.CancelBooking(requestKey)));
                return false;
            }
        }

        return true;
    }

    /// <summary>Every attendee's intervals, ordered by participant key (ordinal).</summary>
    public static IReadOnlyList<(string Key, HoldRequest Hold)> Plan(string tenant, string requestKey, string candidateId, IReadOnlyList<ScheduledStageView> stages, string conferencing = "none")
    {
        var byId = new SortedDictionary<string, List<TimeRange>>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            foreach (var id in stage.InterviewerIds.Append(candidateId).Distinct(StringComparer.Ordinal))
            {
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = [];
                }

                list.Add(new TimeRange(stage.Start, stage.End));
            }
        }

        return [.. byId
            .Select(p => (Key: GrainKeys.For(tenant, p.Key), Hold: new HoldRequest(requestKey, p.Value, RequestSettings.HoldTtl, p.Key != candidateId) { Conferencing = conferencing }))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Everyone who attends any of the stages, plus the candidate.</summary>
    public static IEnumerable<string> Attendees(string candidateId, IEnumerable<ScheduledStageView>? stages) =>
        (stages ?? []).SelectMany(s => s.InterviewerIds).Append(candidateId).Distinct(StringComparer.Ordinal);
}
