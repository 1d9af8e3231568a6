using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The <c>microsoft</c> <see cref="ICalendarConnector"/>: <see cref="MicrosoftGraphClient"/> and
/// <see cref="MicrosoftOAuthClient"/>. Calendar ids are mailboxes (SMTP addresses); free/busy is
/// <c>getSchedule</c>, sync is <c>calendarView/delta</c> (the sync token is the delta link), a push
/// channel is a Graph subscription whose resource id is the subscription id.
/// </summary>
/// <param name="graph">The Graph client.</param>
/// <param name="oauth">The identity platform client.</param>
/// <param name="options">Settings (webhook address, renewal margin).</param>
public sealed class MicrosoftConnector(MicrosoftGraphClient graph, MicrosoftOAuthClient oauth, IOptions<MicrosoftOptions> options) : ICalendarConnector
{
    /// <summary>The provider name of Microsoft accounts.</summary>
    public const string ProviderName = "microsoft";

    /// <inheritdoc />
    public string Provider => ProviderName;

    /// <inheritdoc />
    /// <remarks>Graph has no account-wide default for getSchedule, so participants always name their mailbox; <c>me</c> is the signed-in user of delegated credentials.</remarks>
    public string PrimaryCalendarId => "me";

    /// <inheritdoc />
    public bool CanWatch => options.Value.WebhookUrl is not null;

    /// <inheritdoc />
    public TimeSpan RenewBefore => options.Value.RenewBefore;

    /// <inheritdoc />
    public Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken) =>
        oauth.RefreshAsync(credentials, cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> FreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken) =>
        graph.GetScheduleAsync(accessToken, calendarIds, range, cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken) =>
        graph.DeltaAsync(accessToken, calendarId, syncToken, cancellationToken);

    /// <inheritdoc />
    public Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken) =>
        graph.SubscribeAsync(accessToken, calendarId, channelId, channelToken, cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken) =>
        graph.UnsubscribeAsync(accessToken, resourceId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Graph assigns event ids itself; ours is the event's <c>transactionId</c> (Graph returns the event
    /// created first when a create repeats one). The Graph id comes back from <see cref="UpsertEventAsync"/>.
    /// </remarks>
    public string EventId(string requestKey, string participantKey, int index) =>
        MicrosoftEventIds.TransactionId($"{requestKey}|{participantKey}|{index}");

    /// <inheritdoc />
    /// <remarks>A create with the transaction id (returns the existing event when there is one), then a PATCH when its time differs (the subject is that of the first write). A Teams meeting is added when <paramref name="conferencing"/> is <c>teams</c>.</remarks>
    public async Task<string> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, CancellationToken cancellationToken)
    {
        var write = new MicrosoftEventWrite(eventId, summary, interval, [], Teams: conferencing == "teams");
        var existing = await graph.CreateEventAsync(accessToken, calendarId, write, cancellationToken);
        if (existing.Range != interval)
        {
            await graph.UpdateEventAsync(accessToken, calendarId, existing.Id, write, cancellationToken);
        }

        return existing.Id;
    }

    /// <inheritdoc />
    public Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken) =>
        graph.DeleteEventAsync(accessToken, calendarId, eventId, cancellationToken);
}
