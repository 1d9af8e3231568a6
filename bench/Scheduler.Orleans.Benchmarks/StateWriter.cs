namespace Scheduler.Orleans.Benchmarks;

/// <summary>One grain's state written again and again to a grain storage provider, each write conditional on the ETag of the previous one.</summary>
internal sealed class StateWriter(IGrainStorage storage, string key)
{
    private readonly GrainId _grain = GrainId.Create("bench-state", key);
    private readonly GrainState<CounterState> _state = new(new CounterState { Value = 12345 });

    public Task WriteAsync() => storage.WriteStateAsync("state", _grain, _state);
}
