namespace Scheduler.Gateway.Participants;

/// <summary>
/// A calendar to read busy time from: <c>{provider:"ics", url}</c>, <c>{provider:"caldav", url, username, password}</c>,
/// <c>{provider:"google", accountId, calendarIds}</c> or <c>{provider:"microsoft", accountId, mailbox}</c>.
/// </summary>
public sealed record CalendarBody
{
    /// <summary><c>ics</c>, <c>caldav</c>, <c>google</c> or <c>microsoft</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>The feed or server URL (absolute http/https; <c>ics</c>, <c>caldav</c>).</summary>
    public string? Url { get; init; }

    /// <summary>The user name (<c>caldav</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The password (<c>caldav</c>); write-only, never returned. Absent keeps the stored one.</summary>
    public string? Password { get; init; }

    /// <summary>The connected account (<c>google</c>, <c>microsoft</c>).</summary>
    public string? AccountId { get; init; }

    /// <summary>Calendars to read (<c>google</c>); empty means the primary calendar.</summary>
    public IReadOnlyList<string>? CalendarIds { get; init; }

    /// <summary>The mailbox to read (<c>microsoft</c>).</summary>
    public string? Mailbox { get; init; }
}
