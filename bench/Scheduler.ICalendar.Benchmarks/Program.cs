using BenchmarkDotNet.Running;
using Scheduler.ICalendar.Benchmarks;

// --compare [runs]: this library vs python-recurring-ical-events on the same file, in the same run.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*ParseAndExpand*').
var compare = Array.IndexOf(args, "--compare");
if (compare >= 0)
{
    ReferenceComparison.Run(compare + 1 < args.Length && int.TryParse(args[compare + 1], out var runs) ? runs : 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseAndExpandBenchmarks).Assembly).Run(args);
