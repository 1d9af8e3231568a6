using BenchmarkDotNet.Attributes;
using Scheduler.Runtime.Sqlite;

namespace Scheduler.Runtime.Benchmarks;

/// <summary>
/// Conditional writes of a 30-byte state to <see cref="SqliteGrainStorage"/> in a temporary file
/// (WAL, synchronous=FULL): one writer alone, and 64 writers (64 grains) writing at once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SqliteStorageBenchmarks
{
    public const int Writers = 64;

    private static readonly byte[] Payload = "{\"value\":12345,\"name\":\"bench\"}"u8.ToArray();

    private readonly GrainId[] _grains = Enumerable.Range(0, Writers).Select(i => new GrainId("bench-state", $"g{i}")).ToArray();
    private readonly string?[] _etags = new string?[Writers];
    private readonly Task<string>[] _pending = new Task<string>[Writers];
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("runtime-bench-").FullName;
        _database = new SqliteDatabase(Path.Combine(_directory, "bench.db"));
        _storage = new SqliteGrainStorage(_database, "bench", TimeProvider.System);
        for (var i = 0; i < Writers; i++)
        {
            _etags[i] = _storage.WriteAsync(_grains[i], "state", Payload, null, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One write, waited for before the next.</summary>
    [Benchmark]
    public async Task WriteAlone()
    {
        _etags[0] = await _storage.WriteAsync(_grains[0], "state", Payload, _etags[0], CancellationToken.None);
    }

    /// <summary>64 writes to 64 grains issued at once; the reported time is per write (1/throughput).</summary>
    [Benchmark(OperationsPerInvoke = Writers)]
    public async Task Write64Concurrent()
    {
        for (var i = 0; i < Writers; i++)
        {
            _pending[i] = _storage.WriteAsync(_grains[i], "state", Payload, _etags[i], CancellationToken.None);
        }

        for (var i = 0; i < Writers; i++)
        {
            _etags[i] = await _pending[i];
        }
    }
}
