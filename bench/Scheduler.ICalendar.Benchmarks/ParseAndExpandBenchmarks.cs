using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Scheduler.ICalendar.Benchmarks;

/// <summary>
/// Parse and expand the generated calendar (<see cref="CalendarGenerator"/>: 5,000 events of which 500 are
/// recurring series) over 90 days, as a calendar source does on every refresh: busy occurrences only, floating
/// times in the participant's zone.
/// </summary>
[MemoryDiagnoser]
public class ParseAndExpandBenchmarks
{
    private string _text = string.Empty;

    /// <summary>The window: 90 days from the span's first day (UTC).</summary>
    public static Instant From => Instant.FromUtc(CalendarGenerator.SpanStart.Year, CalendarGenerator.SpanStart.Month, CalendarGenerator.SpanStart.Day, 0, 0);

    /// <summary>The window's end.</summary>
    public static Instant To => From + Duration.FromDays(90);

    /// <summary>Generates the calendar text once.</summary>
    [GlobalSetup]
    public void Setup() => _text = CalendarGenerator.Generate(5_000, 500);

    /// <summary>Parse only.</summary>
    /// <returns>The component count.</returns>
    [Benchmark]
    public int Parse() => VCalendar.Parse(_text).Components.Count;

    /// <summary>Parse, then expand every occurrence over the window (what the reference library's <c>between</c> does).</summary>
    /// <returns>The occurrence count.</returns>
    [Benchmark]
    public int ParseAndExpand() =>
        VCalendar.Parse(_text).GetOccurrences(From, To, DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Count;

    /// <summary>Parse, then expand the busy occurrences over the window, as a calendar source does on every refresh.</summary>
    /// <returns>The occurrence count.</returns>
    [Benchmark]
    public int ParseAndExpandBusy() =>
        VCalendar.Parse(_text).GetBusyIntervals(From, To, DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Count;
}
