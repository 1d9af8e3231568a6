namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>One calendar object resource returned by a CalDAV REPORT or GET (RFC 4791 §4.1).</summary>
/// <param name="Href">The resource's path as the server reports it.</param>
/// <param name="ETag">Its entity tag (quoted, as sent), for <c>If-Match</c>; <see langword="null"/> when the server sent none.</param>
/// <param name="CalendarData">The iCalendar text.</param>
public sealed record CalDavResource(string Href, string? ETag, string CalendarData);
