using Scheduler.Grains.Notifications.FollowUps;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.Settings;

/// <summary>A tenant's notification settings (<see cref="INotificationSettingsGrain"/>), persisted under state name <c>settings</c>.</summary>
/// <param name="state">The durable state.</param>
/// <param name="time">The clock.</param>
/// <param name="defaults">The host's follow-up defaults; when absent, <see cref="FollowUpOptions"/>' own defaults.</param>
[GrainType("notificationsettings")]
public sealed class NotificationSettingsGrain([PersistentState("settings")] IPersistentState<NotificationSettingsState> state, TimeProvider time, IOptions<FollowUpOptions>? defaults = null) : Grain, INotificationSettingsGrain
{
    private readonly FollowUpOptions _defaults = defaults?.Value ?? new FollowUpOptions();

    /// <inheritdoc />
    public Task<NotificationSettings> Get() => Task.FromResult(state.State.Settings ?? new NotificationSettings());

    /// <inheritdoc />
    public async Task<NotificationSettings> Set(NotificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.FollowUpDelayMinutes is < 0 or > NotificationSettings.MaxFollowUpDelayMinutes)
        {
            throw new ArgumentException($"Must be 0–{NotificationSettings.MaxFollowUpDelayMinutes} minutes.", "followUpDelayMinutes");
        }

        if (settings.ThankYouNextSteps is { Length: > NotificationSettings.MaxNextStepsLength })
        {
            throw new ArgumentException($"At most {NotificationSettings.MaxNextStepsLength} characters.", "thankYouNextSteps");
        }

        state.State.Settings = settings with
        {
            ThankYouNextSteps = string.IsNullOrWhiteSpace(settings.ThankYouNextSteps) ? null : settings.ThankYouNextSteps.Trim(),
            UpdatedAt = time.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return state.State.Settings;
    }

    /// <inheritdoc />
    public Task<FollowUpPlan> GetFollowUpPlan()
    {
        var settings = state.State.Settings ?? new NotificationSettings();
        var delay = settings.FollowUpDelayMinutes ?? Math.Clamp(_defaults.DelayMinutes, 0, NotificationSettings.MaxFollowUpDelayMinutes);
        return Task.FromResult(new FollowUpPlan(settings.FeedbackReminder, delay, settings.CandidateThankYou, settings.ThankYouNextSteps));
    }
}
