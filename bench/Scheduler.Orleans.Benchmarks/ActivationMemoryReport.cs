namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Memory per idle activation: starts a <see cref="BenchSilo"/>, activates N (default 100,000)
/// <see cref="EchoGrain"/>s with one call each, forces a full GC and divides the growth of the managed heap by the
/// number of activations. The callers keep no references, so what remains is what the silo holds for idle
/// activations (grain object, activation data, catalog and grain directory entries, grain id).
/// </summary>
internal static class ActivationMemoryReport
{
    private const int BatchSize = 1_000;

    public static void Run(string[] args)
    {
        var count = ReportMath.ReadOption(args, "--count", 100_000);
        RunAsync(count).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(int count)
    {
        await using var silo = await BenchSilo.StartAsync();
        var management = silo.GrainFactory.GetGrain<IManagementGrain>(0);
        await silo.GrainFactory.GetGrain<IEchoGrain>("warm-up").Echo(1);
        await management.GetTotalActivationCount();

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = WorkingSet();
        var started = Stopwatch.GetTimestamp();
        var batch = new Task<int>[BatchSize];
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            for (var i = 0; i < size; i++)
            {
                batch[i] = silo.GrainFactory.GetGrain<IEchoGrain>($"g{done + i:D6}").Echo(i);
            }

            await Task.WhenAll(batch.Take(size));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Clear(batch);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = WorkingSet();
        var activations = (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(EchoGrain), StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

        Console.WriteLine($"activations: {activations:N0} (including 1 warm-up) of EchoGrain (one int field, no persistent state), created in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"managed heap: before {heapBefore / 1024.0 / 1024.0:0.0} MiB, after {heapAfter / 1024.0 / 1024.0:0.0} MiB");
        Console.WriteLine($"managed heap per idle activation: {(heapAfter - heapBefore) / (double)count:0} bytes (target <= 2048)");
        Console.WriteLine($"working set: before {workingSetBefore / 1024.0 / 1024.0:0.0} MiB, after {workingSetAfter / 1024.0 / 1024.0:0.0} MiB, per activation {(workingSetAfter - workingSetBefore) / (double)count:0} bytes");
        GC.KeepAlive(silo);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
