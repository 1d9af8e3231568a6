namespace Scheduler.Grains.Notifications;

/// <summary>The durable state of a tenant's <see cref="NotificationSettingsGrain"/> (JSON).</summary>
public sealed class NotificationSettingsState
{
    /// <summary>The stored settings; <see langword="null"/> while the defaults apply.</summary>
    public NotificationSettings? Settings { get; set; }
}
