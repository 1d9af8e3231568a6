namespace Scheduler.Grains.Notifications.Email;

/// <summary>An iCalendar object sent as <c>text/calendar; method=…</c> (RFC 6047 §2.4, iMIP).</summary>
/// <param name="Method">The iTIP method, upper case (<c>REQUEST</c> or <c>CANCEL</c>, RFC 5546 §1.4); must equal the object's <c>METHOD</c>.</param>
/// <param name="Content">The iCalendar text (CRLF line ends).</param>
public sealed record CalendarAttachment(string Method, string Content);
