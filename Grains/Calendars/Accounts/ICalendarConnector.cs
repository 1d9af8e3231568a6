using Scheduler.Grains.Common;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// The provider-specific half of a calendar account: the HTTP calls of one provider. The
/// <see cref="CalendarAccountGrain"/> holds the state (tokens, channels, sync tokens, readers)
/// and picks the connector whose <see cref="Provider"/> matches its key. Adding a provider means
/// adding one implementation registered as a singleton <see cref="ICalendarConnector"/>.
/// Every method throws <see cref="CalendarProviderException"/> when the provider refuses.
/// </summary>
public interface ICalendarConnector
{
    /// <summary>The provider name in account keys: <c>google</c>, <c>microsoft</c>.</summary>
    string Provider { get; }

    /// <summary>The calendar id meaning "the account's own calendar" (Google: <c>primary</c>).</summary>
    string PrimaryCalendarId { get; }

    /// <summary>Whether push channels can be opened (a webhook address is configured).</summary>
    bool CanWatch { get; }

    /// <summary>How long before a channel's expiry it is replaced.</summary>
    TimeSpan RenewBefore { get; }

    /// <summary>Gets a fresh access token with the refresh token.</summary>
    /// <param name="credentials">The current credentials.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new credentials.</returns>
    Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Reads free/busy (split into calls within the provider's limits, merged).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarIds">The calendars; at least one.</param>
    /// <param name="range">The range (UTC).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Busy intervals per calendar and per-calendar error reasons.</returns>
    Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> FreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken);

    /// <summary>Lists what changed since a sync token (full when <see langword="null"/>).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="syncToken">The previous token.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The changed events and the next token. An expired token throws with <see cref="CalendarProviderException.SyncTokenExpired"/>.</returns>
    Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken);

    /// <summary>Opens a push channel on a calendar.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="channelToken">The secret the provider echoes with each notification.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's resource id and the channel's expiry (UTC).</returns>
    Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken);

    /// <summary>Stops a push channel; an unknown one counts as stopped.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="resourceId">The provider's resource id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stopped.</returns>
    Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken);

    /// <summary>Derives the provider event id of one interval of a participant's interview (stable: the same inputs give the same id).</summary>
    /// <param name="requestKey">The request grain key.</param>
    /// <param name="participantKey">The participant grain key.</param>
    /// <param name="index">The interval's index in the booking, from 0.</param>
    /// <returns>The id.</returns>
    string EventId(string requestKey, string participantKey, int index);

    /// <summary>Creates or updates the event for our id (idempotent: a repeat with the same id never creates a second event).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="eventId">The id from <see cref="EventId"/>.</param>
    /// <param name="summary">The title.</param>
    /// <param name="interval">The time (UTC).</param>
    /// <param name="conferencing">The request's conferencing (<c>none</c>, <c>googleMeet</c>, <c>teams</c>); a provider adds the link it can make when the event is created.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's id of the event, once stored: what <see cref="DeleteEventAsync"/> takes (Google: our id; Graph: the id Graph assigned).</returns>
    Task<string> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, CancellationToken cancellationToken);

    /// <summary>Deletes an event; one already gone counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="eventId">The provider's id, as <see cref="UpsertEventAsync"/> returned it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is gone.</returns>
    Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken);
}
