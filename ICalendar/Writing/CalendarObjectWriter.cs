namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes a calendar object resource for a CalDAV server (RFC 4791 §4.1): one VCALENDAR with one
/// VEVENT and no METHOD property (METHOD belongs to iTIP messages, not to stored resources), times
/// in UTC, opaque and confirmed; optionally a DESCRIPTION (RFC 5545 §3.8.1.5) and a URL (§3.8.4.6).
/// </summary>
public static class CalendarObjectWriter
{
    /// <summary>Writes one event.</summary>
    /// <param name="uid">The event's UID; not empty.</param>
    /// <param name="start">Start (UTC instant).</param>
    /// <param name="end">End; after <paramref name="start"/>.</param>
    /// <param name="summary">The title (escaped per RFC 5545 §3.3.11).</param>
    /// <param name="stamp">DTSTAMP: when the object was written.</param>
    /// <param name="description">The description, plain text (escaped per RFC 5545 §3.3.11); <see langword="null"/> for none.</param>
    /// <param name="url">A link for the event (e.g. its video meeting), an absolute http or https URI; <see langword="null"/> for none.</param>
    /// <returns>The iCalendar text (media type <c>text/calendar; charset=utf-8</c>).</returns>
    /// <exception cref="ArgumentException">The UID is empty, the end is not after the start, or the URL is not an absolute http or https URI.</exception>
    public static string WriteEvent(string uid, Instant start, Instant end, string summary, Instant stamp, string? description = null, string? url = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        ArgumentNullException.ThrowIfNull(summary);
        if (end <= start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(end));
        }

        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http"))
        {
            throw new ArgumentException("The URL must be an absolute http or https URI.", nameof(url));
        }

        var writer = new ContentLineWriter()
            .BeginCalendar("-//Scheduler//Interview//EN")
            .BeginEvent(uid, sequence: null, stamp, start, end, summary)
            .Text("DESCRIPTION", description);
        return (url is null ? writer : writer.Line("URL", new Uri(url).AbsoluteUri))
            .Line("STATUS", "CONFIRMED")
            .Line("TRANSP", "OPAQUE")
            .Line("END", "VEVENT")
            .Line("END", "VCALENDAR")
            .ToString();
    }
}
