using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>The <c>google</c> <see cref="ICalendarConnector"/>: <see cref="GoogleCalendarClient"/> and <see cref="GoogleOAuthClient"/>.</summary>
/// <param name="calendar">The Calendar API client.</param>
/// <param name="oauth">The OAuth client.</param>
/// <param name="options">Settings (webhook address, channel lifetime).</param>
public sealed class GoogleConnector(GoogleCalendarClient calendar, GoogleOAuthClient oauth, IOptions<GoogleOptions> options) : ICalendarConnector
{
    /// <summary>The provider name of Google accounts.</summary>
    public const string ProviderName = "google";

    /// <inheritdoc />
    public string Provider => ProviderName;

    /// <inheritdoc />
    public string PrimaryCalendarId => "primary";

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
        calendar.QueryFreeBusyAsync(accessToken, calendarIds, range, cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken) =>
        calendar.ListChangesAsync(accessToken, calendarId, syncToken, cancellationToken);

    /// <inheritdoc />
    public Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken) =>
        calendar.WatchAsync(
            accessToken,
            calendarId,
            channelId,
            channelToken,
            options.Value.WebhookUrl ?? throw new InvalidOperationException("Google:WebhookUrl is not configured."),
            options.Value.ChannelTtl,
            cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken) =>
        calendar.StopChannelAsync(accessToken, channelId, resourceId, cancellationToken);

    /// <inheritdoc />
    public string EventId(string requestKey, string participantKey, int index) =>
        GoogleEventIds.For(requestKey, string.Concat(participantKey, "#", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    /// <remarks>A Meet link is requested when <paramref name="conferencing"/> is <c>googleMeet</c>.</remarks>
    public async Task<string> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var write = new GoogleEventWrite(eventId, summary, interval.Start, interval.End) { GoogleMeet = conferencing == "googleMeet" };
        return (await calendar.InsertEventAsync(accessToken, calendarId, write, cancellationToken)).EventId;
    }

    /// <inheritdoc />
    public Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken) =>
        calendar.DeleteEventAsync(accessToken, calendarId, eventId, cancellationToken);
}
