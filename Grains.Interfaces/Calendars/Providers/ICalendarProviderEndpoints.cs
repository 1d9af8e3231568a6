using Scheduler.Grains.Participants;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// What the API's routes of one calendar provider ask of it: <c>/v1/oauth/{provider}/start</c> and <c>/callback</c>
/// connect an account (<see cref="OAuth"/>) and give a participant the provider's calendar entry (<see cref="Entry"/>);
/// <c>POST /webhooks/{provider}</c> hands a delivery to <see cref="ReceiveWebhookAsync"/>. Every registered provider is
/// one of these services, so the routes are mapped per provider without knowing any.
/// </summary>
public interface ICalendarProviderEndpoints
{
    /// <summary>The provider name in account keys, calendar entries and routes (<c>google</c>, <c>microsoft</c>).</summary>
    string Provider { get; }

    /// <summary>The provider's name in messages: its configuration section (<c>Google</c>, <c>Microsoft</c>).</summary>
    string DisplayName { get; }

    /// <summary>The provider's OAuth flow (consent, code exchange, app-only credentials).</summary>
    ICalendarOAuth OAuth { get; }

    /// <summary>Whether push channels can be opened and the webhook answers: a webhook address is configured.</summary>
    bool CanWatch { get; }

    /// <summary>The query parameter of <c>/v1/oauth/{provider}/start</c> naming the participant's calendars (comma-separated).</summary>
    string ConsentCalendarsParameter { get; }

    /// <summary>Checks the calendars named at <c>/start</c>.</summary>
    /// <param name="calendarIds">The calendars.</param>
    /// <param name="forParticipant">Whether a participant is named (its entry is then built from them).</param>
    /// <returns>The error for <see cref="ConsentCalendarsParameter"/>, or <see langword="null"/>.</returns>
    string? CheckConsentCalendars(IReadOnlyList<string> calendarIds, bool forParticipant);

    /// <summary>Builds the participant's calendar entry after a consent, from the calendars named at <c>/start</c>.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="calendarIds">The calendars named at <c>/start</c>.</param>
    /// <returns>The entry, or <see langword="null"/> to leave the participant as it is.</returns>
    CalendarSpec? Entry(string accountId, IReadOnlyList<string> calendarIds);

    /// <summary>
    /// Answers a webhook delivery: the provider reads it into notifications, each for the account its channel token
    /// names, and each account grain verifies its own (channel id, token in constant time, resource id); an unverified
    /// notification changes nothing.
    /// </summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="request">The delivery.</param>
    /// <returns>
    /// 404 when the provider has no webhook address; 200 with the handshake text to echo as <c>text/plain</c>; the
    /// provider's accepted status when a notification was accepted (its sync runs after, one-way); else 404. With the
    /// number of notifications read.
    /// </returns>
    Task<(int Status, string? Text, int Notifications)> ReceiveWebhookAsync(IGrainFactory grains, WebhookRequest request);
}
