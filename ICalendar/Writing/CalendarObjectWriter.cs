namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes a calendar object resource for a CalDAV server (RFC 4791 §4.1): one VCALENDAR with one
/// VEVENT and no METHOD property (METHOD belongs to iTIP messages, not to stored resources), times
/// in UTC, opaque and confirmed.
/// </summary>
public static class CalendarObjectWriter
{
    /// <summary>Writes one event.</summary>
    /// <param name="uid">The event's UID; not empty.</param>
    /// <param name="start">Start (UTC instant).</param>
    /// <param name="end">End; after <paramref name="start"/>.</param>
    /// <param name="summary">The title (escaped per RFC 5545 §3.3.11).</param>
    /// <param name="stamp">DTSTAMP: when the object was written.</param>
    /// <returns>The iCalendar text (media type <c>text/calendar; charset=utf-8</c>).</returns>
    /// <exception cref="ArgumentException">The UID is empty, or the end is not after the start.</exception>
    public static string WriteEvent(string uid, Instant start, Instant end, string summary, Instant stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        ArgumentNullException.ThrowIfNull(summary);
        if (end <= start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(end));
        }

        return new ContentLineWriter()
            .BeginCalendar("-//Scheduler//Interview//EN")
            .BeginEvent(uid, sequence: null, stamp, start, end, summary)
            .Line("STATUS", "CONFIRMED")
            .Line("TRANSP", "OPAQUE")
            .Line("END", "VEVENT")
            .Line("END", "VCALENDAR")
            .ToString();
    }
}
