namespace Scheduler.Grains.Calendars;

/// <summary>A provider's push notification as the webhook read it (Google: the <c>X-Goog-*</c> headers of a channel delivery; Graph: one item of a notification POST).</summary>
/// <param name="ChannelId">The channel id we chose (Google <c>X-Goog-Channel-ID</c>; Graph: the notification URL's <c>ch</c>).</param>
/// <param name="Token">The secret we gave the channel (Google <c>X-Goog-Channel-Token</c>; Graph: joined from the URL and <c>clientState</c>).</param>
/// <param name="ResourceId">The provider's id of the watched resource (Google <c>X-Goog-Resource-ID</c>; Graph: the subscription id).</param>
/// <param name="Kind">What it asks of the account.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PushNotification")]
public sealed record PushNotification([property: Id(0)] string ChannelId, [property: Id(1)] string Token, [property: Id(2)] string ResourceId, [property: Id(3)] CalendarNotificationKind Kind);
