using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Grains.Notifications.Email.Calendar;

/// <summary>
/// Writes a <c>VTIMEZONE</c> component (RFC 5545 §3.6.5) for an IANA zone from its TZDB rules (NodaTime), covering a
/// span: one <c>STANDARD</c> or <c>DAYLIGHT</c> observance per zone interval that overlaps the span, each with the
/// interval's onset as <c>DTSTART</c> (local time in the offset before the onset, as the RFC requires),
/// <c>TZOFFSETFROM</c>, <c>TZOFFSETTO</c> and the TZDB abbreviation as <c>TZNAME</c>. Explicit onsets rather than
/// <c>RRULE</c>s: exact for the span, whatever the zone's history.
/// </summary>
public static class VTimeZoneWriter
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>The unfolded content lines of the component, <c>BEGIN:VTIMEZONE</c> to <c>END:VTIMEZONE</c>.</summary>
    /// <param name="zone">The zone; its <see cref="DateTimeZone.Id"/> becomes the <c>TZID</c>.</param>
    /// <param name="start">The first instant to cover.</param>
    /// <param name="end">The last instant to cover (not before <paramref name="start"/>).</param>
    /// <returns>The lines, without line breaks.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static IReadOnlyList<string> Lines(DateTimeZone zone, Instant start, Instant end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end < start)
        {
            throw new ArgumentException("The span must not end before it starts.", nameof(end));
        }

        var lines = new List<string> { "BEGIN:VTIMEZONE", "TZID:" + zone.Id };
        foreach (var interval in zone.GetZoneIntervals(start, end + Duration.Epsilon))
        {
            var to = interval.WallOffset;
            var from = interval.HasStart && interval.Start != Instant.MinValue ? zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset : to;
            var onset = interval.HasStart ? interval.Start.WithOffset(from).LocalDateTime : new LocalDateTime(1970, 1, 1, 0, 0);
            var kind = interval.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT";
            lines.Add("BEGIN:" + kind);
            lines.Add("DTSTART:" + Local.Format(onset));
            lines.Add("TZOFFSETFROM:" + UtcOffset(from));
            lines.Add("TZOFFSETTO:" + UtcOffset(to));
            if (interval.Name.Length > 0)
            {
                lines.Add("TZNAME:" + interval.Name);
            }

            lines.Add("END:" + kind);
        }

        lines.Add("END:VTIMEZONE");
        return lines;
    }

    /// <summary>RFC 5545 §3.3.14 UTC-OFFSET: <c>±HHMM</c>, or <c>±HHMMSS</c> when there are seconds (<c>-0000</c> is not allowed, so zero is <c>+0000</c>).</summary>
    private static string UtcOffset(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}");
        return seconds % 60 == 0 ? text : text + (seconds % 60).ToString("00", CultureInfo.InvariantCulture);
    }
}
