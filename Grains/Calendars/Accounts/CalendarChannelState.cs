namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>A stored push channel.</summary>
/// <param name="CalendarId">The watched calendar.</param>
/// <param name="ChannelId">Our channel id.</param>
/// <param name="ResourceId">The provider's resource id.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
/// <param name="ProtectedToken">The channel token, encrypted by <see cref="CalendarCredentialProtector.ProtectSecret"/>.</param>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.Accounts.CalendarChannelState")]
public sealed record CalendarChannelState([property: Id(0)] string CalendarId, [property: Id(1)] string ChannelId, [property: Id(2)] string ResourceId, [property: Id(3)] DateTimeOffset ExpiresAt, [property: Id(4)] string ProtectedToken);
