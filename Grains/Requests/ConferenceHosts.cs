using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Who makes each stage's video meeting: the stage's first interviewer (in the stage's order) whose profile reads an
/// account of the provider that makes it (<c>googleMeet</c>: Google, <c>teams</c>: Microsoft 365), the first such entry,
/// and that account is connected (a revoked one would keep the write until it is connected again, and the stage would
/// have no meeting). One meeting per stage, so a panel shares one link; a stage whose interviewers have no such account
/// gets none.
/// </summary>
internal static class ConferenceHosts
{
    /// <summary>The calendar provider that makes a conferencing kind's meetings, or <see langword="null"/> for <c>none</c> or an unknown kind.</summary>
    /// <param name="conferencing">The request's conferencing.</param>
    /// <returns><c>google</c>, <c>microsoft</c> or <see langword="null"/>.</returns>
    public static string? ProviderOf(string conferencing) => conferencing switch
    {
        "googleMeet" => "google",
        "teams" => "microsoft",
        _ => null,
    };

    /// <summary>Chooses the host of every stage, reading the interviewers' profiles.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="conferencing">The request's conferencing.</param>
    /// <param name="stages">The stages being booked.</param>
    /// <returns>Per host participant id, the starts (UTC) of the stages it hosts; empty without conferencing.</returns>
    public static async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> ChooseAsync(
        IGrainFactory grains, string tenant, string conferencing, IReadOnlyList<ScheduledStageView> stages)
    {
        var hosts = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        if (ProviderOf(conferencing) is not { } provider)
        {
            return hosts;
        }

        var ids = stages.SelectMany(s => s.InterviewerIds).Distinct(StringComparer.Ordinal).ToArray();
        var profiles = await Task.WhenAll(ids.Select(id => grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetProfile()));
        var accounts = ids.Select((id, i) => (Id: id, Account: profiles[i] is { } profile ? EventMirror.MeetingAccount(profile, conferencing) : null))
            .Where(p => p.Account is not null)
            .ToArray();
        var connected = await Task.WhenAll(accounts.Select(p => grains.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, provider, p.Account!.AccountId!)).IsConnected()));
        var capable = accounts.Where((_, i) => connected[i]).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (stage.InterviewerIds.FirstOrDefault(capable.Contains) is { } host)
            {
                if (!hosts.TryGetValue(host, out var starts))
                {
                    hosts[host] = starts = [];
                }

                starts.Add(stage.Start);
            }
        }

        return hosts;
    }
}
