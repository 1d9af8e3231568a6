namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>A stored push channel.</summary>
/// <param name="CalendarId">The watched calendar.</param>
/// <param name="ChannelId">Our channel id.</param>
/// <param name="ResourceId">The provider's resource id.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
/// <param name="ProtectedToken">The channel token, encrypted by <see cref="CalendarCredentialProtector.ProtectSecret"/>.</param>
public sealed record CalendarChannelState(string CalendarId, string ChannelId, string ResourceId, DateTimeOffset ExpiresAt, string ProtectedToken);
