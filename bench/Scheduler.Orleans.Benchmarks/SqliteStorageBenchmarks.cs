using Scheduler.Providers.Sqlite;

namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Conditional writes of a small state (<see cref="CounterState"/>, Orleans' binary serializer as the product's silos
/// configure it) straight to <see cref="SqliteGrainStorage"/> in a temporary file (WAL, synchronous=FULL), taken from
/// a silo as the silo configured it: one writer alone, and 64 writers (64 grains) writing at once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SqliteStorageBenchmarks
{
    public const int Writers = 64;

    private readonly Task[] _pending = new Task[Writers];
    private BenchSilo _silo = null!;
    private IGrainStorage _storage = null!;
    private StateWriter[] _writers = [];
    private Func<int, Task> _write = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.StartAsync().GetAwaiter().GetResult();
        _storage = _silo.Storage;
        _writers = [.. Enumerable.Range(0, Writers).Select(i => new StateWriter(_storage, $"g{i}"))];
        _write = i => _writers[i].WriteAsync();
        Task.WhenAll(_writers.Select(w => w.WriteAsync())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One write, waited for before the next.</summary>
    [Benchmark]
    public Task WriteAlone() => _writers[0].WriteAsync();

    /// <summary>64 writes to 64 grains issued at once; the reported time is per write (1/throughput).</summary>
    [Benchmark(OperationsPerInvoke = Writers)]
    public Task Write64Concurrent() => Concurrently.RunAsync(_pending, _write);
}
