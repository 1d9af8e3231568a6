namespace Scheduler.Runtime.Benchmarks;

/// <summary>What the hand-rolled load reports share: percentiles of sorted latencies and integer options.</summary>
internal static class ReportMath
{
    /// <summary>The <paramref name="p"/> quantile (0–1) of ascending <paramref name="sorted"/> values (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    public static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
