using Orleans.Placement;

namespace Scheduler.Orleans.Benchmarks;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<int> Echo(int value);

    ValueTask<int> EchoValueTask(int value);

    Task<int> EchoAfterYield(int value);

    /// <summary>The silo this activation lives on (to check where placement put it).</summary>
    Task<SiloAddress> Where();
}

/// <summary>
/// The smallest useful grain: one int field, methods that complete synchronously or after one yield.
/// Placed on the silo that first calls it (<see cref="PreferLocalPlacementAttribute"/>), so a report
/// decides which silo owns an activation by which silo's grain factory makes the first call.
/// </summary>
[PreferLocalPlacement]
public sealed class EchoGrain : Grain, IEchoGrain
{
    private int _calls;

    public Task<int> Echo(int value)
    {
        _calls++;
        return Task.FromResult(value);
    }

    public ValueTask<int> EchoValueTask(int value)
    {
        _calls++;
        return new ValueTask<int>(value);
    }

    public async Task<int> EchoAfterYield(int value)
    {
        await Task.Yield();
        _calls++;
        return value;
    }

    public Task<SiloAddress> Where() => Task.FromResult(GrainContext.Address.SiloAddress!);
}

public interface IRelayGrain : IGrainWithStringKey
{
    Task<int> Relay(int value);
}

/// <summary>Calls the <see cref="IEchoGrain"/> with its own key (a grain-to-grain call through a reference kept since activation).</summary>
public sealed class RelayGrain : Grain, IRelayGrain
{
    private IEchoGrain? _target;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _target = GrainFactory.GetGrain<IEchoGrain>(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<int> Relay(int value) => await _target!.Echo(value);
}

[GenerateSerializer]
[Alias("bench.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string Name { get; set; } = "bench";
}

public interface IPersistentCounterGrain : IGrainWithStringKey
{
    Task<int> Increment();
}

/// <summary>Writes its state on every call through <c>IPersistentState&lt;T&gt;.WriteStateAsync()</c>.</summary>
public sealed class PersistentCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IPersistentCounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }
}
