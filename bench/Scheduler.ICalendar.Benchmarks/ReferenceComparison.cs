using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Scheduler.ICalendar.Benchmarks;

/// <summary>
/// Times this library and python-recurring-ical-events (the differential tests' reference) on the same
/// generated file in the same run: parse + expand every occurrence over the 90-day window, median of several runs
/// after a warm-up, and prints the ratio. Needs <c>/usr/bin/python3</c> with the Debian package
/// python3-recurring-ical-events.
/// </summary>
internal static class ReferenceComparison
{
    public static void Run(int runs)
    {
        var text = CalendarGenerator.Generate(5_000, 500);
        var path = Path.Combine(Path.GetTempPath(), $"scheduler-bench-{Environment.ProcessId}.ics");
        File.WriteAllText(path, text);
        try
        {
            var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
            var ours = new List<double>();
            var count = 0;
            for (var i = 0; i < runs + 3; i++)
            {
                var started = Stopwatch.GetTimestamp();
                count = VCalendar.Parse(text).GetOccurrences(ParseAndExpandBenchmarks.From, ParseAndExpandBenchmarks.To, zone).Count;
                if (i >= 3)
                {
                    ours.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            var (referenceCount, reference) = RunReference(path, Math.Max(3, runs / 4));
            var oursMedian = Median(ours);
            var referenceMedian = Median(reference);
            Console.WriteLine($"file: {text.Length / 1024} KiB, 5,000 events, 500 series, window 90 days");
            Console.WriteLine($"Scheduler.ICalendar:            {oursMedian,9:0.0} ms median of {ours.Count} ({count} occurrences)");
            Console.WriteLine($"python-recurring-ical-events:   {referenceMedian,9:0.0} ms median of {reference.Count} ({referenceCount} occurrences)");
            Console.WriteLine($"ratio (reference / ours):       {referenceMedian / oursMedian,9:0.0}x");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Count, List<double> Runs) RunReference(string path, int runs)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "reference_timing.py");
        var window = (ParseAndExpandBenchmarks.From.ToDateTimeUtc(), ParseAndExpandBenchmarks.To.ToDateTimeUtc());
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            script, path,
            window.Item1.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            window.Item2.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            runs.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The reference timing failed ({process.ExitCode}): {error}");
        }

        using var json = JsonDocument.Parse(output);
        return (json.RootElement.GetProperty("occurrences").GetInt32(), [.. json.RootElement.GetProperty("runsMs").EnumerateArray().Select(e => e.GetDouble())]);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
