using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Scheduler.ICalendar.Tests.Support;

/// <summary>Runs python-recurring-ical-events (Debian package python3-recurring-ical-events) through reference/expand.py.</summary>
public static class ReferenceImplementation
{
    private const string Python = "/usr/bin/python3";
    private const string InstallHint =
        "The differential tests need the reference implementation: install the Debian package with " +
        "'apt-get install -y python3-recurring-ical-events' (it must be importable by /usr/bin/python3).";

    public sealed record Job(string File, LocalDateTime Start, LocalDateTime End);

    public sealed record Event(string Uid, string Summary, string Status, string Start, string End);

    public sealed record Result(bool Ok, string? Error, IReadOnlyList<Event> Events);

    public static IReadOnlyDictionary<string, Result> Run(IReadOnlyList<Job> jobs)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "reference", "expand.py");
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} not found. {InstallHint}");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}. {InstallHint}");
        var payload = JsonSerializer.Serialize(jobs.Select(j => new Dictionary<string, string>
        {
            ["file"] = j.File,
            ["start"] = j.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["end"] = j.End.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        }));
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(payload);
        process.StandardInput.Close();
        process.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            var hint = stderr.Contains("ModuleNotFoundError", StringComparison.Ordinal) ? InstallHint : string.Empty;
            throw new InvalidOperationException($"The reference script failed (exit {process.ExitCode}). {hint}\n{stderr}");
        }

        using var document = JsonDocument.Parse(stdout);
        var results = new Dictionary<string, Result>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var ok = entry.Value.GetProperty("ok").GetBoolean();
            var events = new List<Event>();
            if (ok)
            {
                foreach (var e in entry.Value.GetProperty("events").EnumerateArray())
                {
                    events.Add(new Event(
                        e.GetProperty("uid").GetString()!,
                        e.GetProperty("summary").GetString()!,
                        e.GetProperty("status").GetString()!,
                        e.GetProperty("start").GetString()!,
                        e.GetProperty("end").GetString()!));
                }
            }

            results[entry.Name] = new Result(ok, ok ? null : entry.Value.GetProperty("error").GetString(), events);
        }

        return results;
    }

    /// <summary>Converts the script's rendering of a value to an instant: <c>...Z</c> as UTC, floating and DATE values in <paramref name="floatingZone"/>.</summary>
    public static Instant ToInstant(string value, DateTimeZone floatingZone)
    {
        if (value.EndsWith('Z'))
        {
            return Instant.FromDateTimeOffset(DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }

        if (value.Length == 10)
        {
            var date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return floatingZone.AtStartOfDay(new LocalDate(date.Year, date.Month, date.Day)).ToInstant();
        }

        var local = DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return floatingZone.AtLeniently(LocalDateTime.FromDateTime(local)).ToInstant();
    }
}
