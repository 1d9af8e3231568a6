using System.Globalization;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// The <c>google</c> <see cref="CalendarProvider"/>: <see cref="GoogleCalendarClient"/> and <see cref="GoogleOAuthClient"/>.
/// Participant entries name calendar ids (<c>calendarIds</c>, empty = <c>primary</c>); notifications are the
/// <c>X-Goog-*</c> headers of channel deliveries (<see cref="GoogleNotifications"/>).
/// </summary>
/// <param name="calendar">The Calendar API client.</param>
/// <param name="oauth">The OAuth client.</param>
/// <param name="options">Settings.</param>
public sealed class GoogleProvider(GoogleCalendarClient calendar, GoogleOAuthClient oauth, IOptions<GoogleOptions> options)
    : CalendarProvider(ProviderName, oauth, options)
{
    /// <summary>The provider name of Google accounts.</summary>
    public const string ProviderName = "google";

    /// <summary>The most calendars one consent may name.</summary>
    public const int MaxConsentCalendars = 500;

    /// <inheritdoc />
    public override string PrimaryCalendarId => "primary";

    /// <inheritdoc />
    public override string ConsentCalendarsParameter => "calendarIds";

    /// <inheritdoc />
    public override (string Label, IReadOnlyList<string> CalendarIds, string? Problem) ReadEntry(CalendarSpec entry) =>
        ($"google:{entry.AccountId}", entry.CalendarIds, string.IsNullOrEmpty(entry.AccountId) ? "no accountId" : null);

    /// <inheritdoc />
    public override CalendarSpec? Entry(string accountId, IReadOnlyList<string> calendarIds) =>
        new(ProviderName) { AccountId = accountId, CalendarIds = calendarIds };

    /// <inheritdoc />
    public override string? CheckConsentCalendars(IReadOnlyList<string> calendarIds, bool forParticipant) =>
        calendarIds.Count <= MaxConsentCalendars ? null : $"At most {MaxConsentCalendars} calendars.";

    /// <inheritdoc />
    public override WebhookReading ReadWebhook(WebhookRequest request) =>
        new(null, GoogleNotifications.Read(request.Header) is { } push ? [push] : []);

    /// <inheritdoc />
    public override Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> FreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken) =>
        calendar.QueryFreeBusyAsync(accessToken, calendarIds, range, cancellationToken);

    /// <inheritdoc />
    public override Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken) =>
        calendar.ListChangesAsync(accessToken, calendarId, syncToken, cancellationToken);

    /// <inheritdoc />
    public override Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken) =>
        calendar.WatchAsync(accessToken, calendarId, channelId, channelToken, cancellationToken);

    /// <inheritdoc />
    public override Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken) =>
        calendar.StopChannelAsync(accessToken, channelId, resourceId, cancellationToken);

    /// <inheritdoc />
    public override string EventId(string requestKey, string participantKey, int index) =>
        GoogleEventIds.For(requestKey, string.Concat(participantKey, "#", index.ToString(CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    /// <remarks>A Meet link is requested when <paramref name="conferencing"/> is <c>googleMeet</c>.</remarks>
    public override async Task<UpsertedEvent> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, string? description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var write = new GoogleEventWrite(eventId, summary, interval.Start, interval.End) { GoogleMeet = conferencing == "googleMeet", Description = description };
        var (id, meetLink) = await calendar.InsertEventAsync(accessToken, calendarId, write, cancellationToken);
        return new UpsertedEvent(id, meetLink);
    }

    /// <inheritdoc />
    public override Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken) =>
        calendar.DeleteEventAsync(accessToken, calendarId, eventId, cancellationToken);
}
