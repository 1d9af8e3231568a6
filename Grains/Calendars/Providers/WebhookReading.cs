namespace Scheduler.Grains.Calendars.Providers;

/// <summary>What a provider read from a webhook delivery.</summary>
/// <param name="Handshake">Text to echo as <c>text/plain</c> with 200 (Graph's <c>validationToken</c>); <see langword="null"/> for a notification delivery.</param>
/// <param name="Pushes">The notifications, each with the account grain key its channel token names (not yet verified).</param>
public sealed record WebhookReading(string? Handshake, IReadOnlyList<(string AccountKey, PushNotification Notification)> Pushes);
