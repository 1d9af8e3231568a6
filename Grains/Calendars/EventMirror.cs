using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// Writes a participant's events for one purpose (an interview, the candidate's prep blocks) into every calendar of
/// its profile that can be written: each connected account (Google, Microsoft 365) through its
/// <see cref="ICalendarAccountGrain"/>, and the CalDAV calendars through the participant's <see cref="ICalDavWriterGrain"/>.
/// Both store the write before they send it and retry it until the provider accepts it, and derive event ids from
/// <c>eventKey</c>, so repeating a write never creates a second event. Read-only iCalendar feeds are not written.
/// </summary>
internal static class EventMirror
{
    /// <summary>Whether the profile has a calendar events can be written to.</summary>
    /// <param name="profile">The participant's profile.</param>
    /// <returns><see langword="true"/> when it has a connected account or a CalDAV calendar.</returns>
    public static bool CanWrite(ParticipantProfile profile) =>
        profile.Calendars.Any(c => IsAccountId(c.AccountId) || (c.Provider == CalDavBusySource.ProviderName && c.Url is not null));

    /// <summary>Replaces the events of <paramref name="eventKey"/> in every writable calendar (one-way messages; the writers retry).</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="participantKey">The participant grain key <c>{tenant}/{participantId}</c>.</param>
    /// <param name="profile">The participant's profile (its calendars).</param>
    /// <param name="eventKey">What the events are for, unique per participant: the request key, or a key derived from it.</param>
    /// <param name="intervals">One event per interval (UTC); empty to delete the events.</param>
    /// <param name="summary">The event title.</param>
    /// <param name="conferencing">The request's conferencing; a provider adds the link it can make to the events of <paramref name="hostedStarts"/>.</param>
    /// <param name="hostedStarts">The starts (UTC) of the intervals whose meeting this participant hosts; <see langword="null"/> for none.</param>
    /// <param name="links">The intervals' video meeting links, written into the events' descriptions; <see langword="null"/> for none.</param>
    /// <returns>A task that completes when every writer has the write.</returns>
    public static async Task WriteAsync(
        IGrainFactory grains, string participantKey, ParticipantProfile profile, string eventKey, IReadOnlyList<TimeRange> intervals, string summary, string conferencing = "none", IReadOnlyList<DateTimeOffset>? hostedStarts = null, IReadOnlyList<ConferenceLink>? links = null)
    {
        var (tenant, _) = GrainKeys.Split(participantKey);
        var host = MeetingAccount(profile, conferencing); // one meeting: one account makes it
        foreach (var calendar in profile.Calendars.Where(c => IsAccountId(c.AccountId)).DistinctBy(c => (c.Provider, c.AccountId)))
        {
            var account = grains.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, calendar.Provider, calendar.AccountId!));
            await account.WriteInterviewEvent(new InterviewEventWrite(eventKey, participantKey, WriteCalendarOf(calendar), intervals, summary)
            {
                Conferencing = conferencing,
                HostedStarts = host is not null && calendar.Provider == host.Provider && calendar.AccountId == host.AccountId ? hostedStarts ?? [] : [],
                Links = links ?? [],
            });
        }

        if (profile.Calendars.Any(c => c.Provider == CalDavBusySource.ProviderName))
        {
            await grains.GetGrain<ICalDavWriterGrain>(participantKey).Write(new CalDavEventWrite(eventKey, intervals, summary) { Links = links ?? [] });
        }
    }

    /// <summary>
    /// The calendar an account writes the participant's events to: the entry's first calendar id (Google), else its
    /// mailbox (Microsoft 365: the participant's own, as free/busy reads it), else empty for the account's primary calendar.
    /// </summary>
    private static string WriteCalendarOf(CalendarSpec calendar) =>
        calendar.CalendarIds.FirstOrDefault() ?? (string.IsNullOrEmpty(calendar.Mailbox) ? string.Empty : calendar.Mailbox);

    /// <summary>The description an interviewer's event carries for its stage's video meeting, <c>Video meeting: {url}</c>.</summary>
    /// <param name="url">The join link.</param>
    /// <returns>The text.</returns>
    public static string MeetingDescription(string url) => "Video meeting: " + url;

    /// <summary>The account entry of a profile that makes a conferencing kind's meetings: the first of the provider that makes them (<see cref="ConferenceHosts.ProviderOf"/>).</summary>
    /// <param name="profile">The participant's profile.</param>
    /// <param name="conferencing">The request's conferencing.</param>
    /// <returns>The entry, or <see langword="null"/> when none can make the meeting (or there is none to make).</returns>
    public static CalendarSpec? MeetingAccount(ParticipantProfile profile, string conferencing) =>
        ConferenceHosts.ProviderOf(conferencing) is { } provider ? profile.Calendars.FirstOrDefault(c => c.Provider == provider && IsAccountId(c.AccountId)) : null;

    /// <summary>Whether an entry names an account key part (profiles stored before account ids were validated may not).</summary>
    /// <param name="accountId">The entry's account id.</param>
    /// <returns><see langword="true"/> when it can be part of a calendar account key.</returns>
    public static bool IsAccountId(string? accountId) =>
        accountId is { Length: > 0 and <= CalendarAccountKeys.MaxAccountIdLength } && !accountId.Contains('/');
}
