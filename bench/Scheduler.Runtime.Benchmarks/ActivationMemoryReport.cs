using System.Diagnostics;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.Benchmarks;

/// <summary>
/// Memory per idle activation: starts a test silo (memory storage), activates 100,000
/// <see cref="EchoGrain"/>s with one call each, forces a full GC and divides the growth of the
/// managed heap by the number of activations. The callers keep no references, so what remains is
/// what the silo holds for idle activations (grain object, activation, catalog entry, key string).
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
        await using var host = await TestSiloHost.StartAsync(silo => silo.AddGrains(typeof(EchoGrain).Assembly));
        await host.GrainFactory.GetGrain<IEchoGrain>("warm-up").Echo(1);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = WorkingSet();
        var started = Stopwatch.GetTimestamp();
        var batch = new Task<int>[BatchSize];
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            for (var i = 0; i < size; i++)
            {
                batch[i] = host.GrainFactory.GetGrain<IEchoGrain>($"g{done + i:D6}").Echo(i);
            }

            await Task.WhenAll(batch.Take(size));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Clear(batch);
        var heapWithCallRecords = GC.GetTotalMemory(forceFullCollection: true);

        // Finished calls stay in the call-timeout queue until its next sweep (at most 1 s later on the
        // system clock); move the test clock 1 s (far below the 15-min idle timeout) so the sweep runs.
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = WorkingSet();

        Console.WriteLine($"activations: {host.Silo.ActivationCount - 1:N0} (+1 warm-up) of EchoGrain (one int field, no persistent state), created in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"managed heap: before {heapBefore / 1024.0 / 1024.0:0.0} MiB, after {heapAfter / 1024.0 / 1024.0:0.0} MiB");
        Console.WriteLine($"managed heap per idle activation: {(heapAfter - heapBefore) / (double)count:0} bytes (target <= 2048)");
        Console.WriteLine($"  (before the call-timeout sweep drops finished first calls: {(heapWithCallRecords - heapBefore) / (double)count:0} bytes)");
        Console.WriteLine($"working set: before {workingSetBefore / 1024.0 / 1024.0:0.0} MiB, after {workingSetAfter / 1024.0 / 1024.0:0.0} MiB, per activation {(workingSetAfter - workingSetBefore) / (double)count:0} bytes");
        Console.WriteLine($"  of which the activation's execution context (ActivationExecutor, allocated size): {ExecutorSize()} bytes");
        GC.KeepAlive(host);
    }

    private static long ExecutorSize()
    {
        Action<Exception> ignore = static _ => { };
        GC.KeepAlive(new ActivationExecutor(ignore));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var executor = new ActivationExecutor(ignore);
        var size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(executor);
        return size;
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
