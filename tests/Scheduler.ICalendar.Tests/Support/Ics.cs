namespace Scheduler.ICalendar.Tests.Support;

/// <summary>Builds small calendars for tests.</summary>
internal static class Ics
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone Utc = DateTimeZone.Utc;

    public static string Calendar(params string[] lines) =>
        string.Join("\r\n", new[] { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN" }.Concat(lines).Append("END:VCALENDAR")) + "\r\n";

    public static string Event(params string[] lines) =>
        string.Join("\r\n", new[] { "BEGIN:VEVENT" }.Concat(lines).Append("END:VEVENT"));

    public static VCalendar Parse(params string[] lines) => VCalendar.Parse(Calendar(lines));

    public static IReadOnlyList<EventOccurrence> Occurrences(VCalendar calendar, int fromYear, int toYear, DateTimeZone? floating = null) =>
        calendar.GetOccurrences(Instant.FromUtc(fromYear, 1, 1, 0, 0), Instant.FromUtc(toYear, 1, 1, 0, 0), floating ?? Utc);

    /// <summary>Local start times of a recurring event in a zone, formatted yyyyMMddTHHmm.</summary>
    public static IReadOnlyList<string> LocalStarts(string dtstart, string rrule, DateTimeZone zone, int toYear = 2010, params string[] extra)
    {
        var lines = new List<string> { "UID:t", $"DTSTART;TZID={zone.Id}:{dtstart}", "DURATION:PT1H", $"RRULE:{rrule}" };
        lines.AddRange(extra);
        var calendar = Parse(Event([.. lines]));
        return Occurrences(calendar, 1990, toYear)
            .Select(o => o.Start.InZone(zone).LocalDateTime.ToString("yyyyMMdd'T'HHmm", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    public static IReadOnlyList<string> Dates(IEnumerable<string> localStarts) => localStarts.Select(s => s[..8]).ToList();
}
