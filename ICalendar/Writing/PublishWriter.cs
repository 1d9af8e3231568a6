namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes an iTIP <c>PUBLISH</c> (RFC 5546 §3.2.1) as iCalendar text: <c>VERSION:2.0</c>, <c>PRODID</c>,
/// <c>CALSCALE:GREGORIAN</c>, <c>METHOD:PUBLISH</c> and one or more VEVENTs, each with its own UID (a
/// <c>PUBLISH</c>, unlike a <c>REQUEST</c> or <c>CANCEL</c>, may carry several), SEQUENCE, DTSTAMP, DTSTART/DTEND in
/// UTC, SUMMARY, DESCRIPTION, ORGANIZER (required by §3.2.1), STATUS and TRANSP, and no ATTENDEE (§3.2.1 allows none).
/// TEXT values are escaped (RFC 5545 §3.3.11), lines folded at 75 octets and ended with CRLF (§3.1);
/// <see cref="VCalendar.Parse(string)"/> reads the output back to the same values.
/// </summary>
public static class PublishWriter
{
    /// <summary>Writes the calendar.</summary>
    /// <param name="organizer">Who publishes the events (<c>ORGANIZER</c>).</param>
    /// <param name="stamp">When the message is created (<c>DTSTAMP</c>).</param>
    /// <param name="events">The events, in the order written; at least one, with distinct UIDs.</param>
    /// <param name="productId">The <c>PRODID</c> (RFC 5545 §3.7.3).</param>
    /// <returns>The iCalendar text (MIME type <c>text/calendar; method=PUBLISH; charset=UTF-8</c>).</returns>
    /// <exception cref="ArgumentException">
    /// No events; a UID empty or repeated; a sequence negative; an end not after its start; or the organizer's address empty.
    /// </exception>
    public static string Write(ItipOrganizer organizer, Instant stamp, IReadOnlyList<PublishedEvent> events, string productId = "-//Scheduler//Scheduler.ICalendar//EN")
    {
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizer.Email, nameof(organizer));
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        if (events.Count == 0)
        {
            throw new ArgumentException("A PUBLISH needs at least one event.", nameof(events));
        }

        var uids = new HashSet<string>(StringComparer.Ordinal);
        var writer = new ContentLineWriter().BeginCalendar(productId, "PUBLISH");
        foreach (var item in events)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(events));
            ArgumentException.ThrowIfNullOrWhiteSpace(item.Uid, nameof(events));
            if (!uids.Add(item.Uid))
            {
                throw new ArgumentException($"The UID '{item.Uid}' is used twice.", nameof(events));
            }

            if (item.Sequence < 0)
            {
                throw new ArgumentException("SEQUENCE must be 0 or more.", nameof(events));
            }

            if (item.End <= item.Start)
            {
                throw new ArgumentException($"The event '{item.Uid}' must end after it starts.", nameof(events));
            }

            writer.BeginEvent(item.Uid, item.Sequence, stamp, item.Start, item.End, item.Summary ?? string.Empty)
                .Text("DESCRIPTION", item.Description)
                .Address("ORGANIZER", organizer.Email, organizer.CommonName)
                .Line("STATUS", item.Withdrawn ? "CANCELLED" : "CONFIRMED")
                .Line("TRANSP", item.Withdrawn ? "TRANSPARENT" : "OPAQUE")
                .Line("END", "VEVENT");
        }

        return writer.Line("END", "VCALENDAR").ToString();
    }
}
