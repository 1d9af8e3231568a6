namespace Scheduler.Grains.Calendars.Providers;

/// <summary>A notification delivery as the webhook received it, independent of the web stack.</summary>
/// <param name="Header">Reads a request header (first value); <see langword="null"/> when absent.</param>
/// <param name="Query">Reads a query parameter (URL-decoded); <see langword="null"/> when absent.</param>
/// <param name="Body">The body text; <see langword="null"/> or empty when there is none.</param>
public sealed record WebhookRequest(Func<string, string?> Header, Func<string, string?> Query, string? Body);
