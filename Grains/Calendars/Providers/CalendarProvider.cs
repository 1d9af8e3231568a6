using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// What a calendar provider (Google, Microsoft 365, …) supplies; everything else is shared. The
/// <see cref="CalendarAccountGrain"/> holds the state (tokens, channels, sync tokens, readers) and calls the provider
/// whose <see cref="Provider"/> matches its key; <see cref="ProviderBusySource"/> reads participants' entries through it;
/// the gateway maps <c>/v1/oauth/{provider}</c> and <c>/webhooks/{provider}</c> for every registered one, through
/// <see cref="ICalendarProviderEndpoints"/>. Adding a
/// provider means one folder with a subclass, its <see cref="OAuthClient"/>, <see cref="ProviderHttp"/> and
/// <see cref="CalendarProviderOptions"/>, registered with
/// <see cref="CalendarProviderServiceCollectionExtensions.AddCalendarProvider{TProvider, TOptions}"/>. Every call to the
/// provider throws <see cref="CalendarProviderException"/> when it refuses.
/// </summary>
/// <param name="provider">The provider name in account keys and routes (<c>google</c>, <c>microsoft</c>).</param>
/// <param name="oauth">The provider's OAuth client.</param>
/// <param name="options">The provider's settings.</param>
public abstract class CalendarProvider(string provider, OAuthClient oauth, IOptions<CalendarProviderOptions> options) : ICalendarProviderEndpoints
{
    /// <inheritdoc />
    public string Provider => provider;

    /// <inheritdoc />
    public string DisplayName => options.Value.Section;

    /// <summary>The provider's OAuth client (consent, code exchange, refresh).</summary>
    public OAuthClient OAuth => oauth;

    /// <inheritdoc />
    ICalendarOAuth ICalendarProviderEndpoints.OAuth => oauth;

    /// <inheritdoc />
    public bool CanWatch => options.Value.WebhookUrl is not null;

    /// <summary>How long before a channel's expiry it is replaced.</summary>
    public TimeSpan RenewBefore => options.Value.RenewBefore;

    /// <summary>How long busy data read from the provider stays fresh in a participant.</summary>
    public TimeSpan BusyFreshFor => options.Value.BusyFreshFor;

    /// <summary>The calendar id meaning "the account's own calendar" (Google: <c>primary</c>).</summary>
    public abstract string PrimaryCalendarId { get; }

    /// <inheritdoc />
    public abstract string ConsentCalendarsParameter { get; }

    /// <summary>The status of a webhook delivery in which at least one notification was accepted. Default 200.</summary>
    public virtual int WebhookAcceptedStatus => 200;

    /// <summary>Gets a fresh access token with the refresh token.</summary>
    /// <param name="credentials">The current credentials.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new credentials.</returns>
    public Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken) =>
        oauth.RefreshAsync(credentials, cancellationToken);

    /// <summary>Reads what a participant's calendar entry of this provider asks for.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The label naming it in errors and status (no secrets), its calendars (empty: the primary one), and why it cannot be read (<see langword="null"/> when it can).</returns>
    public abstract (string Label, IReadOnlyList<string> CalendarIds, string? Problem) ReadEntry(CalendarSpec entry);

    /// <inheritdoc />
    public abstract CalendarSpec? Entry(string accountId, IReadOnlyList<string> calendarIds);

    /// <inheritdoc />
    public abstract string? CheckConsentCalendars(IReadOnlyList<string> calendarIds, bool forParticipant);

    /// <summary>Reads a webhook delivery: a handshake to answer, or the notifications it carries, each with the account key it names (not yet verified).</summary>
    /// <param name="request">The delivery.</param>
    /// <returns>What it carries; malformed items are left out.</returns>
    public abstract WebhookReading ReadWebhook(WebhookRequest request);

    /// <inheritdoc />
    /// <remarks>The delivery is read by <see cref="ReadWebhook"/> and its notifications routed by <see cref="CalendarWebhook.RouteAsync"/>; "accepted" is <see cref="WebhookAcceptedStatus"/>.</remarks>
    public async Task<(int Status, string? Text, int Notifications)> ReceiveWebhookAsync(IGrainFactory grains, WebhookRequest request)
    {
        if (!CanWatch)
        {
            return (404, null, 0);
        }

        var reading = ReadWebhook(request);
        if (reading.Handshake is { } text)
        {
            return (200, text, 0);
        }

        var verdicts = await CalendarWebhook.RouteAsync(grains, reading.Pushes);
        return (verdicts.Contains(PushVerdict.Accepted) ? WebhookAcceptedStatus : 404, null, verdicts.Count);
    }

    /// <summary>Reads free/busy (split into calls within the provider's limits, <see cref="BusyChunk.Plan"/>, merged).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarIds">The calendars; at least one.</param>
    /// <param name="range">The range (UTC).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Busy intervals per calendar and per-calendar error reasons.</returns>
    public abstract Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> FreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken);

    /// <summary>Lists what changed since a sync token (full when <see langword="null"/>).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="syncToken">The previous token.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The changed events and the next token. An expired token throws with <see cref="CalendarProviderException.SyncTokenExpired"/>.</returns>
    public abstract Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> SyncAsync(string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken);

    /// <summary>Opens a push channel on a calendar, for the provider's channel lifetime.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="channelToken">The secret the provider echoes with each notification.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's resource id and the channel's expiry (UTC).</returns>
    public abstract Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken);

    /// <summary>Stops a push channel; an unknown one counts as stopped.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="resourceId">The provider's resource id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stopped.</returns>
    public abstract Task StopAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken);

    /// <summary>Derives the provider event id of one interval of a participant's interview (stable: the same inputs give the same id).</summary>
    /// <param name="requestKey">The request grain key.</param>
    /// <param name="participantKey">The participant grain key.</param>
    /// <param name="index">The interval's index in the booking, from 0.</param>
    /// <returns>The id.</returns>
    public abstract string EventId(string requestKey, string participantKey, int index);

    /// <summary>Creates or updates the event for our id (idempotent: a repeat with the same id never creates a second event).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="eventId">The id from <see cref="EventId"/>.</param>
    /// <param name="summary">The title.</param>
    /// <param name="interval">The time (UTC).</param>
    /// <param name="conferencing">The event's conferencing (<c>none</c>, <c>googleMeet</c>, <c>teams</c>); a provider adds the link it can make when the event is created.</param>
    /// <param name="description">The event's description (plain text), or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event once stored: the provider's id (what <see cref="DeleteEventAsync"/> takes; Google: our id, Graph: the id Graph assigned) and its meeting link, if it has one.</returns>
    public abstract Task<UpsertedEvent> UpsertEventAsync(string accessToken, string calendarId, string eventId, string summary, TimeRange interval, string conferencing, string? description, CancellationToken cancellationToken);

    /// <summary>Deletes an event; one already gone counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="eventId">The provider's id, as <see cref="UpsertEventAsync"/> returned it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is gone.</returns>
    public abstract Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken);
}
