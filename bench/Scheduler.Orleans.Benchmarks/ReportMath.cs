namespace Scheduler.Orleans.Benchmarks;

/// <summary>What the hand-rolled load reports share: closed-loop load, percentiles of latencies and integer options.</summary>
internal static class ReportMath
{
    /// <summary>The header of the rows <see cref="LoadResult.Row"/> prints after its first column.</summary>
    public const string LatencyColumns = "p50 ms | p90 ms | p99 ms | max ms";

    /// <summary>
    /// Runs <paramref name="workers"/> closed loops for <paramref name="duration"/>: each calls its operation (made by
    /// <paramref name="operationFor"/> from the worker's index; it gets the iteration number) again as soon as the
    /// previous call completed, and every call is timed.
    /// </summary>
    public static async Task<LoadResult> RunClosedLoopAsync(int workers, TimeSpan duration, Func<int, Func<int, Task>> operationFor)
    {
        var latencies = new List<double>[workers];
        var tasks = new Task[workers];
        var started = Stopwatch.GetTimestamp();
        for (var w = 0; w < workers; w++)
        {
            var samples = latencies[w] = new List<double>(1 << 14);
            var operation = operationFor(w);
            tasks[w] = Task.Run(async () =>
            {
                for (var i = 0; Stopwatch.GetElapsedTime(started) < duration; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await operation(i);
                    samples.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (i % 256 == 255)
                    {
                        // An operation that completes synchronously would otherwise keep its thread for the whole run.
                        await Task.Yield();
                    }
                }
            });
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new LoadResult([.. latencies.SelectMany(l => l).Order()], elapsed);
    }

    /// <summary>The <paramref name="p"/> quantile (0–1) of ascending <paramref name="sorted"/> values (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    public static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}

/// <summary>What a closed-loop run measured: every operation's latency in milliseconds, ascending, and the run's length in seconds.</summary>
internal sealed record LoadResult(double[] Latencies, double Seconds)
{
    /// <summary>Operations per second, then p50, p90, p99 and max in milliseconds, as table cells.</summary>
    public string Row() =>
        $"{Latencies.Length / Seconds,9:0} | {ReportMath.Percentile(Latencies, 0.50),6:0.00} | {ReportMath.Percentile(Latencies, 0.90),6:0.00} | {ReportMath.Percentile(Latencies, 0.99),6:0.00} | {Latencies[^1],6:0.00}";
}
