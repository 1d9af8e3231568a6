namespace Scheduler.Grains.Calendars;

/// <summary>
/// A provider's push notification as received on the webhook. For Google these are the
/// <c>X-Goog-*</c> headers of a channel delivery (Calendar API push guide).
/// </summary>
/// <param name="ChannelId"><c>X-Goog-Channel-ID</c>: the channel id we chose.</param>
/// <param name="Token"><c>X-Goog-Channel-Token</c>: the secret we gave the channel.</param>
/// <param name="ResourceId"><c>X-Goog-Resource-ID</c>: the provider's id of the watched resource.</param>
/// <param name="ResourceState"><c>X-Goog-Resource-State</c>: <c>sync</c> (channel created), <c>exists</c> (something changed) or <c>not_exists</c>.</param>
/// <param name="MessageNumber"><c>X-Goog-Message-Number</c>: increasing per channel; <see langword="null"/> when absent.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PushNotification")]
public sealed record PushNotification([property: Id(0)] string ChannelId, [property: Id(1)] string Token, [property: Id(2)] string ResourceId, [property: Id(3)] string ResourceState, [property: Id(4)] long? MessageNumber);
