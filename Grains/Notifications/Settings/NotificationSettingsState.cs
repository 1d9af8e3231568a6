using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.Settings;

/// <summary>The durable state of a tenant's <see cref="NotificationSettingsGrain"/> (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.NotificationSettingsState")]
public sealed class NotificationSettingsState
{
    /// <summary>The stored settings; <see langword="null"/> while the defaults apply.</summary>
    [Id(0)]
    public NotificationSettings? Settings { get; set; }
}
