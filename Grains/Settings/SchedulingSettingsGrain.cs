namespace Scheduler.Grains.Settings;

/// <summary>A tenant's scheduling settings (<see cref="ISchedulingSettingsGrain"/>), persisted under state name <c>settings</c>.</summary>
[GrainType("schedulingsettings")]
public sealed class SchedulingSettingsGrain : Grain, ISchedulingSettingsGrain
{
    private readonly IPersistentState<SchedulingSettingsState> _state;
    private readonly TimeProvider _time;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="time">The clock.</param>
    public SchedulingSettingsGrain([PersistentState("settings")] IPersistentState<SchedulingSettingsState> state, TimeProvider time)
    {
        _state = state;
        _time = time;
    }

    /// <inheritdoc />
    public Task<SchedulingSettings> Get() => Task.FromResult(_state.State.Settings ?? new SchedulingSettings());

    /// <inheritdoc />
    public async Task<SchedulingSettings> Set(SchedulingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.LearningHalfLifeDays is < SchedulingSettings.MinHalfLifeDays or > SchedulingSettings.MaxHalfLifeDays)
        {
            throw new ArgumentException($"Must be {SchedulingSettings.MinHalfLifeDays}–{SchedulingSettings.MaxHalfLifeDays} days.", "learningHalfLifeDays");
        }

        _state.State.Settings = settings with { UpdatedAt = _time.GetUtcNow() };
        await _state.WriteStateAsync();
        return _state.State.Settings;
    }
}
