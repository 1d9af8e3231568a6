namespace Scheduler.Web.Benchmarks;

/// <summary>Median and range of a set of timings, as the report prints them.</summary>
internal static class Figures
{
    public static string MedianAndRange(IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return "(no runs)";
        }

        var sorted = milliseconds.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"median {median:0.0} ms, range {sorted[0]:0.0}–{sorted[^1]:0.0} ms ({sorted.Length} runs)");
    }
}
