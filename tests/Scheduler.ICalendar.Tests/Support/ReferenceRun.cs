namespace Scheduler.ICalendar.Tests.Support;

/// <summary>
/// One run of the reference implementation over every fixture (shared by the differential tests).
/// Each file's window starts a day before its earliest DTSTART and ends 366 days after its latest one.
/// </summary>
public sealed class ReferenceRun
{
    /// <summary>Zone for floating and all-day values on both sides: +05:30 without DST, so floating handling is visible and never ambiguous.</summary>
    public static readonly DateTimeZone FloatingZone = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    private readonly Lazy<IReadOnlyDictionary<string, ReferenceImplementation.Result>> _results;

    public ReferenceRun()
    {
        _results = new Lazy<IReadOnlyDictionary<string, ReferenceImplementation.Result>>(() =>
        {
            var jobs = new List<ReferenceImplementation.Job>();
            foreach (var name in Fixtures.Names)
            {
                var window = WindowOf(name);
                var pad = Duration.FromDays(2);
                jobs.Add(new ReferenceImplementation.Job(
                    Fixtures.PathOf(name),
                    (window.Start - pad).InUtc().LocalDateTime,
                    (window.End + pad).InUtc().LocalDateTime));
            }

            return ReferenceImplementation.Run(jobs);
        });
    }

    public ReferenceImplementation.Result For(string name) => _results.Value[Fixtures.PathOf(name)];

    public static Interval WindowOf(string name)
    {
        VCalendar calendar;
        try
        {
            calendar = Fixtures.Parse(name);
        }
        catch (ICalendarParseException)
        {
            return new Interval(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2001, 1, 1, 0, 0));
        }

        var starts = calendar.Events
            .SelectMany(e => new[] { e.Start }.Concat(e.RecurrenceDates.Select(r => r.Start)))
            .Select(s => s.Local.Date)
            .ToList();
        if (starts.Count == 0)
        {
            return new Interval(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2001, 1, 1, 0, 0));
        }

        var first = starts.Min().PlusDays(-1);
        var last = starts.Max().PlusDays(366);
        return new Interval(first.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), last.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
    }
}
