using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;

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
    public async Task<(int Changed, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken)
    {
        var (changed, next) = await calendar.ListChangesAsync(accessToken, calendarId, syncToken, cancellationToken);
        return (changed.Count, next);
    }

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
}
