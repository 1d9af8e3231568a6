namespace Scheduler.Grains.Requests;

/// <summary>
/// Steps 3 and 4 of the negotiation: holds on every attendee in participant-key order, then
/// confirmation; on any refusal the request's holds and bookings are cancelled on every participant
/// asked so far.
/// </summary>
internal static class HoldTaker
{
    /// <summary>Holds, then confirms, every attendee of <paramref name="stages"/>; each stage's video meeting host (<see cref="ConferenceHosts"/>) is asked to make it.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The request's tenant.</param>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c> (the holds' and bookings' owner).</param>
    /// <param name="spec">The request (candidate, conferencing).</param>
    /// <param name="stages">The option to book.</param>
    /// <param name="beforeConfirm">
    /// Run once every hold is granted and before the first confirmation: the request stores the option it confirms, so
    /// that after a crash between confirmations it knows whose bookings to retry or cancel; <see langword="null"/> when the
    /// option is already stored.
    /// </param>
    /// <returns>The starts (UTC) of the stages whose meeting a host makes (empty without conferencing), or <see langword="null"/> when a participant refused.</returns>
    public static async Task<IReadOnlyList<DateTimeOffset>?> TryBookAsync(
        IGrainFactory grains, string tenant, string requestKey, InterviewRequestSpec spec, IReadOnlyList<ScheduledStageView> stages, Func<Task>? beforeConfirm = null)
    {
        var hosts = await ConferenceHosts.ChooseAsync(grains, tenant, spec.Conferencing, stages);
        var plan = Plan(tenant, requestKey, spec.CandidateId, stages, spec.Conferencing, hosts);
        if (!await TryHoldAllAsync(grains, requestKey, plan))
        {
            return null;
        }

        if (beforeConfirm is not null)
        {
            await beforeConfirm();
        }

        var held = plan.Select(p => grains.GetGrain<IParticipantGrain>(p.Key)).ToList();
        foreach (var (key, hold) in plan)
        {
            var grain = grains.GetGrain<IParticipantGrain>(key);
            var outcome = await grain.ConfirmHold(hold);
            if (!outcome.Granted)
            {
                await Task.WhenAll(held.Select(g => g.CancelBooking(requestKey)));
                return null;
            }
        }

        return [.. hosts.Values.SelectMany(starts => starts).Order()];
    }

    /// <summary>
    /// Takes (or renews: a hold is idempotent on the request key) every hold of <paramref name="plan"/> in its order; on
    /// the first refusal cancels the request's holds and bookings on every participant asked in this call and returns
    /// <see langword="false"/>.
    /// </summary>
    public static async Task<bool> TryHoldAllAsync(IGrainFactory grains, string requestKey, IReadOnlyList<(string Key, HoldRequest Hold)> plan)
    {
        var held = new List<IParticipantGrain>(plan.Count);
        foreach (var (key, hold) in plan)
        {
            var grain = grains.GetGrain<IParticipantGrain>(key);
            var outcome = await grain.TryHold(hold);
            if (!outcome.Granted)
            {
                // Cancel, not just release: an earlier attempt that died between confirmations left
                // bookings of this request on a prefix of the participants, which a retry finds
                // already granted. While holds are taken, the request has no booking it must keep.
                await Task.WhenAll(held.Append(grain).Select(g => g.CancelBooking(requestKey)));
                return false;
            }

            held.Add(grain);
        }

        return true;
    }

    /// <summary>Releases this request's holds (not bookings) on everyone attending <paramref name="stages"/>.</summary>
    public static Task ReleaseAllAsync(IGrainFactory grains, string tenant, string requestKey, string candidateId, IEnumerable<ScheduledStageView> stages) =>
        Task.WhenAll(Attendees(candidateId, stages).Select(id => grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).ReleaseHold(requestKey)));

    /// <summary>
    /// Every attendee's intervals, ordered by participant key (ordinal), held for <paramref name="ttl"/> (default
    /// <see cref="RequestSettings.HoldTtl"/>); the <paramref name="hosts"/> (<see cref="ConferenceHosts"/>) are asked to make the meetings.
    /// </summary>
    public static IReadOnlyList<(string Key, HoldRequest Hold)> Plan(
        string tenant,
        string requestKey,
        string candidateId,
        IReadOnlyList<ScheduledStageView> stages,
        string conferencing = "none",
        IReadOnlyDictionary<string, List<DateTimeOffset>>? hosts = null,
        TimeSpan? ttl = null)
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
            .Select(p => (Key: GrainKeys.For(tenant, p.Key), Hold: new HoldRequest(requestKey, p.Value, ttl ?? RequestSettings.HoldTtl, p.Key != candidateId)
            {
                Conferencing = conferencing,
                HostedStarts = hosts?.GetValueOrDefault(p.Key) ?? [],
            }))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Everyone who attends any of the stages, plus the candidate.</summary>
    public static IEnumerable<string> Attendees(string candidateId, IEnumerable<ScheduledStageView>? stages) =>
        (stages ?? []).SelectMany(s => s.InterviewerIds).Append(candidateId).Distinct(StringComparer.Ordinal);
}
