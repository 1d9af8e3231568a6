using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The <c>microsoft</c> <see cref="CalendarProvider"/>: <see cref="MicrosoftGraphClient"/> and
/// <see cref="MicrosoftOAuthClient"/>. Calendar ids are mailboxes (SMTP addresses); free/busy is <c>getSchedule</c>,
/// sync is <c>calendarView/delta</c> (the sync token is the delta link), a push channel is a Graph subscription whose
/// resource id is the subscription id, and notifications are read by <see cref="MicrosoftNotifications"/>.
/// </summary>
/// <param name="graph">The Graph client.</param>
/// <param name="oauth">The identity platform client.</param>
/// <param name="options">Settings.</param>
public sealed class MicrosoftProvider(MicrosoftGraphClient graph, MicrosoftOAuthClient oauth, IOptions<MicrosoftOptions> options)
    : CalendarProvider(ProviderName, oauth, options)
{
    /// <summary>The provider name of Microsoft accounts.</summary>
    public const string ProviderName = "microsoft";

    /// <inheritdoc />
    /// <remarks>Graph has no account-wide default for getSchedule, so participants always name their mailbox; <c>me</c> is the signed-in user of delegated credentials.</remarks>
    public override string PrimaryCalendarId => "me";

    /// <inheritdoc />
    public override string ConsentCalendarsParameter => "mailbox";

    /// <inheritdoc />
    /// <remarks>Graph answers a notification POST with 202.</remarks>
    public override int WebhookAcceptedStatus => 202;

    /// <inheritdoc />
    public override (string Label, IReadOnlyList<string> CalendarIds, string? Problem) ReadEntry(CalendarSpec entry) =>
        ($"microsoft:{entry.AccountId}:{entry.Mailbox}",
            string.IsNullOrEmpty(entry.Mailbox) ? [] : [entry.Mailbox],
            string.IsNullOrEmpty(entry.AccountId) || string.IsNullOrEmpty(entry.Mailbox) ? "accountId and mailbox are required" : null);

    /// <inheritdoc />
    /// <remarks>The entry reads the one mailbox named at <c>/start</c>; none when no single mailbox was named.</remarks>
    public override CalendarSpec? Entry(string accountId, IReadOnlyList<string> calendarIds) =>
        calendarIds.Count == 1 ? new(ProviderName) { AccountId = accountId, Mailbox = calendarIds[0] } : null;

    /// <inheritdoc />
    public override string? CheckConsentCalendars(IReadOnlyList<string> calendarIds, bool forParticipant) =>
        !forParticipant || calendarIds is [{ Length: > 2 and <= 320 } mailbox] && mailbox.Contains('@')
            ? null
            : "The participant's mailbox (an SMTP address) is required with participantId.";

    /// <inheritdoc />
    public override WebhookReading ReadWebhook(WebhookRequest request) =>
        request.Query("validationToken") is { } validation
            ? new(validation, [])
            : new(null, MicrosoftNotifications.Read(request.Query(SubscriptionAddress.ChannelParameter), request.Query(SubscriptionAddress.AccountParameter), request.Body));

    /// <inheritdoc />
    public override Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> FreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken) =>
        graph.GetScheduleAsync(accessToken, calendarIds, range, cancellationToken);

    /// <inheritdoc />
    public override Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken) =>
        graph.DeltaAsync(accessToken, calendarId, syncToken, cancellationToken);

    /// <inheritdoc />
    public override Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken) =>
        graph.SubscribeAsync(accessToken, calendarId, channelId, channelToken, cancellationToken);

    /// <inheritdoc />
    public override Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken) =>
        graph.UnsubscribeAsync(accessToken, resourceId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Graph assigns event ids itself; ours is the event's <c>transactionId</c> (Graph returns the event
    /// created first when a create repeats one). The Graph id comes back from <see cref="UpsertEventAsync"/>.
    /// </remarks>
    public override string EventId(string requestKey, string participantKey, int index) =>
        MicrosoftEventIds.TransactionId($"{requestKey}|{participantKey}|{index}");

    /// <inheritdoc />
    /// <remarks>A create with the transaction id (returns the existing event when there is one), then a PATCH when its time differs or a description is given (the subject is that of the first write). A Teams meeting is added when <paramref name="conferencing"/> is <c>teams</c>.</remarks>
    public override async Task<UpsertedEvent> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, string? description, CancellationToken cancellationToken)
    {
        var write = new MicrosoftEventWrite(eventId, summary, interval, [], Teams: conferencing == "teams") { Body = description };
        var existing = await graph.CreateEventAsync(accessToken, calendarId, write, cancellationToken);
        if (existing.Range != interval || description is not null)
        {
            existing = await graph.UpdateEventAsync(accessToken, calendarId, existing.Id, write, cancellationToken);
        }

        return new UpsertedEvent(existing.Id, existing.JoinUrl);
    }

    /// <inheritdoc />
    public override Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken) =>
        graph.DeleteEventAsync(accessToken, calendarId, eventId, cancellationToken);
}
