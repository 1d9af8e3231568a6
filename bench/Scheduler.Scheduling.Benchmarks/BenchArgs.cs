namespace Scheduler.Scheduling.Benchmarks;

/// <summary>The reports' command-line options.</summary>
internal static class BenchArgs
{
    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
