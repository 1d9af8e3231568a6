namespace Scheduler.Grains.Notifications.Email;

/// <summary>An iCalendar object sent as <c>text/calendar; method=…</c> (RFC 6047 §2.4, iMIP).</summary>
/// <param name="Method">The iTIP method, upper case (<c>REQUEST</c>, <c>CANCEL</c> or <c>PUBLISH</c>, RFC 5546 §1.4); must equal the object's <c>METHOD</c>.</param>
/// <param name="Content">The iCalendar text (CRLF line ends).</param>
/// <param name="FileName">The name of the <c>.ics</c> attachment that carries it too.</param>
public sealed record CalendarAttachment(string Method, string Content, string FileName = "invite.ics");
