namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Grain calls that write state through <c>IPersistentState&lt;T&gt;.WriteStateAsync()</c> on a silo with
/// our SQLite grain storage in a temporary file: one grain alone, and 64 grains called at once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PersistentStateBenchmarks
{
    private const int Writers = 64;

    private readonly Task[] _pending = new Task[Writers];
    private BenchSilo _silo = null!;
    private IPersistentCounterGrain[] _grains = [];
    private Func<int, Task> _increment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.StartAsync().GetAwaiter().GetResult();
        _grains = [.. Enumerable.Range(0, Writers).Select(i => _silo.GrainFactory.GetGrain<IPersistentCounterGrain>($"c{i}"))];
        _increment = i => _grains[i].Increment();
        Task.WhenAll(_grains.Select(g => g.Increment())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One grain call that writes its state, waited for before the next.</summary>
    [Benchmark]
    public Task<int> WriteStateAlone() => _grains[0].Increment();

    /// <summary>64 grains each write their state at once; the reported time is per write (1/throughput).</summary>
    [Benchmark(OperationsPerInvoke = Writers)]
    public Task WriteState64Concurrent() => Concurrently.RunAsync(_pending, _increment);
}
