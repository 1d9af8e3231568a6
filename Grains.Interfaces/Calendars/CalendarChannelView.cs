namespace Scheduler.Grains.Calendars;

/// <summary>A push-notification channel of a calendar account (without its secret token).</summary>
/// <param name="CalendarId">The watched calendar.</param>
/// <param name="ChannelId">The channel id we chose.</param>
/// <param name="ResourceId">The provider's id of the watched resource (needed to stop the channel).</param>
/// <param name="ExpiresAt">When the provider stops delivering on it (UTC); the account renews it before.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarChannelView")]
public sealed record CalendarChannelView([property: Id(0)] string CalendarId, [property: Id(1)] string ChannelId, [property: Id(2)] string ResourceId, [property: Id(3)] DateTimeOffset ExpiresAt);
