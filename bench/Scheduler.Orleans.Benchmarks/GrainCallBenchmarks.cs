namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Local grain calls through references from the silo's grain factory, on activations that already exist.
/// <see cref="DirectCall"/> is the baseline: the same grain method on a plain object, no runtime.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GrainCallBenchmarks
{
    private BenchSilo _silo = null!;
    private IEchoGrain _echo = null!;
    private IRelayGrain _relay = null!;
    private EchoGrain _plain = null!;
    private readonly int _value = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.StartAsync().GetAwaiter().GetResult();
        _echo = _silo.GrainFactory.GetGrain<IEchoGrain>("echo");
        _relay = _silo.GrainFactory.GetGrain<IRelayGrain>("echo");
        _plain = new EchoGrain();

        // Activate both grains (the first call waits for activation).
        _echo.Echo(1).GetAwaiter().GetResult();
        _relay.Relay(1).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<int> DirectCall() => _plain.Echo(_value);

    [Benchmark]
    public Task<int> CallTask() => _echo.Echo(_value);

    [Benchmark]
    public ValueTask<int> CallValueTask() => _echo.EchoValueTask(_value);

    [Benchmark]
    public Task<int> CallAwaitingYield() => _echo.EchoAfterYield(_value);

    [Benchmark]
    public Task<int> CallGrainToGrain() => _relay.Relay(_value);

    [Benchmark]
    public IEchoGrain GetGrainReference() => _silo.GrainFactory.GetGrain<IEchoGrain>("echo");
}
