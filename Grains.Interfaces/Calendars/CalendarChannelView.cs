namespace Scheduler.Grains;

/// <summary>A push-notification channel of a calendar account (without its secret token).</summary>
/// <param name="CalendarId">The watched calendar.</param>
/// <param name="ChannelId">The channel id we chose.</param>
/// <param name="ResourceId">The provider's id of the watched resource (needed to stop the channel).</param>
/// <param name="ExpiresAt">When the provider stops delivering on it (UTC); the account renews it before.</param>
public sealed record CalendarChannelView(string CalendarId, string ChannelId, string ResourceId, DateTimeOffset ExpiresAt);
