using Microsoft.Extensions.Options;
using Scheduler.Grains.Notifications.FollowUps;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.Settings;

/// <summary>A tenant's notification settings (<see cref="INotificationSettingsGrain"/>), persisted under state name <c>settings</c>.</summary>
[GrainType("notificationsettings")]
public sealed class NotificationSettingsGrain : Grain, INotificationSettingsGrain
{
    private readonly IPersistentState<NotificationSettingsState> _state;
    private readonly TimeProvider _time;
    private readonly FollowUpOptions _defaults;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="time">The clock.</param>
    /// <param name="defaults">The host's follow-up defaults; when absent, <see cref="FollowUpOptions"/>' own defaults.</param>
    public NotificationSettingsGrain([PersistentState("settings")] IPersistentState<NotificationSettingsState> state, TimeProvider time, IOptions<FollowUpOptions>? defaults = null)
    {
        _state = state;
        _time = time;
        _defaults = defaults?.Value ?? new FollowUpOptions();
    }

    /// <inheritdoc />
    public Task<NotificationSettings> Get() => Task.FromResult(_state.State.Settings ?? new NotificationSettings());

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

        _state.State.Settings = settings with
        {
            ThankYouNextSteps = string.IsNullOrWhiteSpace(settings.ThankYouNextSteps) ? null : settings.ThankYouNextSteps.Trim(),
            UpdatedAt = _time.GetUtcNow(),
        };
        await _state.WriteStateAsync();
        return _state.State.Settings;
    }

    /// <inheritdoc />
    public Task<FollowUpPlan> GetFollowUpPlan()
    {
        var settings = _state.State.Settings ?? new NotificationSettings();
        var delay = settings.FollowUpDelayMinutes ?? Math.Clamp(_defaults.DelayMinutes, 0, NotificationSettings.MaxFollowUpDelayMinutes);
        return Task.FromResult(new FollowUpPlan(settings.FeedbackReminder, delay, settings.CandidateThankYou, settings.ThankYouNextSteps));
    }
}
