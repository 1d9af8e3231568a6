namespace Scheduler.Grains.Settings;

/// <summary>The durable state of a tenant's <see cref="SchedulingSettingsGrain"/>.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Settings.SchedulingSettingsState")]
public sealed class SchedulingSettingsState
{
    /// <summary>The stored settings; <see langword="null"/> while the defaults apply.</summary>
    [Id(0)]
    public SchedulingSettings? Settings { get; set; }
}
