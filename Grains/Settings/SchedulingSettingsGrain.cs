namespace Scheduler.Grains.Settings;

/// <summary>A tenant's scheduling settings (<see cref="ISchedulingSettingsGrain"/>), persisted under state name <c>settings</c>.</summary>
/// <param name="state">The durable state.</param>
/// <param name="time">The clock.</param>
[GrainType("schedulingsettings")]
public sealed class SchedulingSettingsGrain([PersistentState("settings")] IPersistentState<SchedulingSettingsState> state, TimeProvider time) : Grain, ISchedulingSettingsGrain
{
    /// <inheritdoc />
    public Task<SchedulingSettings> Get() => Task.FromResult(state.State.Settings ?? new SchedulingSettings());

    /// <inheritdoc />
    public async Task<SchedulingSettings> Set(SchedulingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems().FirstOrDefault() is ({ } field, { } message))
        {
            throw new ArgumentException(message, field);
        }

        state.State.Settings = settings with { UpdatedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return state.State.Settings;
    }
}
