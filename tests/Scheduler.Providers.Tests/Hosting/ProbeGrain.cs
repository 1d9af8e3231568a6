namespace Scheduler.Providers.Tests.Hosting;

public interface IProbeGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task RegisterReminderAsync(string name);
}

[GenerateSerializer]
[Alias("Scheduler.Providers.Tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public int Count { get; set; }
}

/// <summary>A grain with persistent state on the default provider and a reminder: what the hosting tests drive.</summary>
public sealed class ProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state) : Grain, IProbeGrain, IRemindable
{
    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public Task RegisterReminderAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
