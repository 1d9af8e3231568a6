namespace Scheduler.Grains.Settings;

/// <summary>The notification settings of one tenant, key <c>{tenant}</c>.</summary>
[Alias("Scheduler.Grains.INotificationSettingsGrain")]
public interface INotificationSettingsGrain : IGrainWithStringKey
{
    /// <summary>Returns the stored settings, or the defaults when none were stored.</summary>
    /// <returns>The settings.</returns>
    [Alias("Get")]
    Task<NotificationSettings> Get();

    /// <summary>Replaces the settings.</summary>
    /// <param name="settings">The new settings; <see cref="NotificationSettings.UpdatedAt"/> is ignored and set to now.</param>
    /// <returns>The stored settings.</returns>
    /// <exception cref="ArgumentException">
    /// <c>followUpDelayMinutes</c> outside 0–<see cref="NotificationSettings.MaxFollowUpDelayMinutes"/>, or
    /// <c>thankYouNextSteps</c> longer than <see cref="NotificationSettings.MaxNextStepsLength"/>; the parameter name is
    /// the field. Nothing is stored.
    /// </exception>
    [Alias("Set")]
    Task<NotificationSettings> Set(NotificationSettings settings);

    /// <summary>Returns the follow-ups to plan: the stored settings with the host's default delay filled in.</summary>
    /// <returns>The plan.</returns>
    [Alias("GetFollowUpPlan")]
    Task<FollowUpPlan> GetFollowUpPlan();
}
