namespace Scheduler.Grains.Settings;

/// <summary>The scheduling settings of one tenant, key <c>{tenant}</c>.</summary>
[Alias("Scheduler.Grains.ISchedulingSettingsGrain")]
public interface ISchedulingSettingsGrain : IGrainWithStringKey
{
    /// <summary>Returns the stored settings, or the defaults when none were stored.</summary>
    /// <returns>The settings.</returns>
    [Alias("Get")]
    Task<SchedulingSettings> Get();

    /// <summary>Replaces the settings.</summary>
    /// <param name="settings">The new settings; <see cref="SchedulingSettings.UpdatedAt"/> is ignored and set to now.</param>
    /// <returns>The stored settings.</returns>
    /// <exception cref="ArgumentException">
    /// A field out of its range (<see cref="SchedulingSettings.Problems"/>; the first one); the parameter name is the
    /// field. Nothing is stored.
    /// </exception>
    [Alias("Set")]
    Task<SchedulingSettings> Set(SchedulingSettings settings);
}
