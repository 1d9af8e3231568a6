using System.Diagnostics;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.Benchmarks;

/// <summary>
/// Grain calls between two silos (a <see cref="TestCluster"/> of 2 in this process, each with its
/// own HTTP/2 listener on loopback): C closed-loop callers on silo A call <c>Echo</c> on grains
/// owned by silo B (remote: envelope encoded, posted over h2c, decoded, run, answered) and, for
/// comparison, on grains owned by A (local). Prints calls/s and the latency distribution.
/// </summary>
internal static class RemoteCallReport
{
    public static void Run(string[] args)
    {
        var seconds = ReportMath.ReadOption(args, "--seconds", 10);
        RunAsync(TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(TimeSpan duration)
    {
        await using var cluster = await TestCluster.StartAsync(2, silo => silo.AddGrains(typeof(EchoGrain).Assembly));
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var remoteKeys = Keys(a, b.Address).Take(256).ToArray();
        var localKeys = Keys(a, a.Address).Take(256).ToArray();
        Console.WriteLine($"Grain calls from silo A, 2 silos in one process over HTTP/2 (h2c) on loopback, {duration.TotalSeconds:0} s per run after a 3 s warm-up");
        Console.WriteLine("target | callers | calls/s | p50 ms | p90 ms | p99 ms | max ms");
        foreach (var callers in new[] { 1, 16, 64, 256 })
        {
            await MeasureAsync(a.GrainFactory, remoteKeys, callers, TimeSpan.FromSeconds(3), print: null);
            await MeasureAsync(a.GrainFactory, remoteKeys, callers, duration, print: $"remote | {callers,7}");
        }

        foreach (var callers in new[] { 1, 64 })
        {
            await MeasureAsync(a.GrainFactory, localKeys, callers, duration, print: $"local  | {callers,7}");
        }
    }

    private static IEnumerable<string> Keys(TestClusterSilo caller, Placement.SiloAddress owner) =>
        Enumerable.Range(0, 100_000).Select(i => $"echo-{i}").Where(k => caller.Placement.OwnerOf(new GrainId("echo", k)) == owner);

    private static async Task MeasureAsync(IGrainFactory grains, string[] keys, int callers, TimeSpan duration, string? print)
    {
        var samples = new List<double>[callers];
        var started = Stopwatch.GetTimestamp();
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var list = samples[c] = new List<double>(1 << 16);
            var grain = grains.GetGrain<IEchoGrain>(keys[c % keys.Length]);
            tasks[c] = Task.Run(async () =>
            {
                var i = 0;
                while (Stopwatch.GetElapsedTime(started) < duration)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (await grain.Echo(i) != i)
                    {
                        throw new InvalidOperationException("Echo returned another value.");
                    }

                    list.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (++i % 256 == 0)
                    {
                        // Local calls complete synchronously: without a yield the callers would hold
                        // every thread and starve the silos' heartbeat timers.
                        await Task.Yield();
                    }
                }
            });
        }

        await Task.WhenAll(tasks);
        if (print is null)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = samples.SelectMany(s => s).Order().ToArray();
        Console.WriteLine($"{print} | {all.Length / elapsed,7:0} | {ReportMath.Percentile(all, 0.50),6:0.00} | {ReportMath.Percentile(all, 0.90),6:0.00} | {ReportMath.Percentile(all, 0.99),6:0.00} | {all[^1],6:0.00}");
    }
}
