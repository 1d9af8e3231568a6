using NodaTime;
using NodaTime.Text;
using Scheduler.ICalendar.Writing;

namespace Scheduler.Grains.Notifications.Email.Calendar;

/// <summary>
/// Rewrites an iTIP invite written in UTC (<c>Scheduler.ICalendar.ItipWriter</c>) to a named zone: the event's
/// <c>DTSTART</c> and <c>DTEND</c> become local times with <c>TZID</c> (RFC 5545 §3.3.5, form 3) and the matching
/// <c>VTIMEZONE</c> (<see cref="VTimeZoneWriter"/>) is placed before the <c>VEVENT</c>, so calendar clients show the
/// interview in that zone and keep it right across DST changes. A time the zone repeats (the hour after a fall-back)
/// and whose instant is the second occurrence cannot be named by local time (RFC 5545 reads the first), so that
/// property stays in UTC. A UTC zone leaves the invite as it is.
/// </summary>
public static class InviteZone
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>Rewrites the invite.</summary>
    /// <param name="calendar">The invite as written by <c>ItipWriter</c> (CRLF line ends, one <c>VEVENT</c>, UTC <c>DTSTART</c>/<c>DTEND</c>).</param>
    /// <param name="zone">The zone to show the event in.</param>
    /// <param name="start">The event's start.</param>
    /// <param name="end">The event's end.</param>
    /// <returns>The rewritten invite.</returns>
    /// <exception cref="ArgumentException">The calendar has no <c>BEGIN:VEVENT</c> line.</exception>
    public static string Apply(string calendar, DateTimeZone zone, Instant start, Instant end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.MinOffset == Offset.Zero && zone.MaxOffset == Offset.Zero)
        {
            return calendar;
        }

        var lines = calendar.Split("\r\n").ToList();
        var eventAt = lines.IndexOf("BEGIN:VEVENT");
        if (eventAt < 0)
        {
            throw new ArgumentException("The calendar has no VEVENT.", nameof(calendar));
        }

        for (var i = eventAt; i < lines.Count && lines[i] != "END:VEVENT"; i++)
        {
            if (lines[i].StartsWith("DTSTART:", StringComparison.Ordinal))
            {
                lines[i] = Property("DTSTART", zone, start);
            }
            else if (lines[i].StartsWith("DTEND:", StringComparison.Ordinal))
            {
                lines[i] = Property("DTEND", zone, end);
            }
        }

        lines.InsertRange(eventAt, VTimeZoneWriter.Lines(zone, start, end).Select(ContentLines.Fold));
        return string.Join("\r\n", lines);
    }

    private static string Property(string name, DateTimeZone zone, Instant instant)
    {
        var local = instant.InZone(zone).LocalDateTime;
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 2 && mapping.Last().ToInstant() == instant)
        {
            return ContentLines.Fold(name + ":" + InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(instant));
        }

        return ContentLines.Fold($"{name};TZID={zone.Id}:{Local.Format(local)}");
    }
}
