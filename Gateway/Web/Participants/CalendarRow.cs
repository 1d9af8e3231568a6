using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>
/// One calendar of the profile form: a stored calendar, kept as it is until removed, or an iCalendar feed or CalDAV
/// calendar being added, whose URL (and for CalDAV user name and password) is typed. A stored password is never held;
/// the body leaves it out, which keeps the stored one.
/// </summary>
public sealed class CalendarRow
{
    private CalendarRow(string provider, bool isNew)
    {
        Provider = provider;
        IsNew = isNew;
    }

    /// <summary><c>ics</c>, <c>caldav</c>, <c>google</c> or <c>microsoft</c>.</summary>
    public string Provider { get; }

    /// <summary>Whether this is a calendar being added (its <see cref="Url"/> is edited) rather than a stored calendar.</summary>
    public bool IsNew { get; }

    /// <summary>The feed or server URL (<c>ics</c>, <c>caldav</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The user name (<c>caldav</c>); typed only for a calendar being added.</summary>
    public string? Username { get; set; }

    /// <summary>The password typed for a CalDAV calendar being added (an app password, say); never read from a stored calendar.</summary>
    public string? Password { get; set; }

    /// <summary>Whether a password is stored (<c>caldav</c>).</summary>
    public bool HasPassword { get; private init; }

    /// <summary>The connected account (<c>google</c>, <c>microsoft</c>).</summary>
    public string? AccountId { get; private init; }

    /// <summary>The calendars read (<c>google</c>); empty means the primary calendar.</summary>
    public IReadOnlyList<string> CalendarIds { get; private init; } = [];

    /// <summary>The mailbox read (<c>microsoft</c>).</summary>
    public string? Mailbox { get; private init; }

    /// <summary>The row of a stored calendar.</summary>
    /// <param name="spec">The calendar, without secrets.</param>
    /// <returns>The row.</returns>
    public static CalendarRow From(CalendarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CalendarRow(spec.Provider, isNew: false)
        {
            Url = spec.Url,
            Username = spec.Username,
            HasPassword = spec.HasPassword,
            AccountId = spec.AccountId,
            CalendarIds = spec.CalendarIds,
            Mailbox = spec.Mailbox,
        };
    }

    /// <summary>A new iCalendar feed (provider <c>ics</c>) with its URL still to be typed.</summary>
    /// <returns>The row.</returns>
    public static CalendarRow NewFeed() => new("ics", isNew: true) { Url = string.Empty };

    /// <summary>A new CalDAV calendar (provider <c>caldav</c>) with its collection URL, user name and password still to be typed.</summary>
    /// <returns>The row.</returns>
    public static CalendarRow NewCalDav() => new("caldav", isNew: true) { Url = string.Empty, Username = string.Empty, Password = string.Empty };

    /// <summary>
    /// The calendar as the body has it: a stored one without its password, so the stored password is kept; one being
    /// added with its typed URL and user name trimmed and its password, empty ones left out.
    /// </summary>
    /// <returns>The body.</returns>
    public CalendarBody ToBody() => new()
    {
        Provider = Provider,
        Url = IsNew ? Url?.Trim() : Url,
        Username = IsNew ? ProfileForm.OrNull(Username) : Username,
        Password = IsNew && !string.IsNullOrEmpty(Password) ? Password : null,
        AccountId = AccountId,
        CalendarIds = CalendarIds,
        Mailbox = Mailbox,
    };
}
