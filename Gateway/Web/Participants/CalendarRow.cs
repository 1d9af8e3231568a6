using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>
/// One calendar of the profile form: a stored calendar, kept as it is until removed, or an iCalendar feed being added,
/// whose URL is typed. A stored password is never held; the body leaves it out, which keeps the stored one.
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

    /// <summary>Whether this is a feed being added (its <see cref="Url"/> is edited) rather than a stored calendar.</summary>
    public bool IsNew { get; }

    /// <summary>The feed or server URL (<c>ics</c>, <c>caldav</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The user name (<c>caldav</c>).</summary>
    public string? Username { get; private init; }

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

    /// <summary>The calendar as the body has it: no password, so a stored one is kept; a typed URL trimmed.</summary>
    /// <returns>The body.</returns>
    public CalendarBody ToBody() => new()
    {
        Provider = Provider,
        Url = IsNew ? Url?.Trim() : Url,
        Username = Username,
        AccountId = AccountId,
        CalendarIds = CalendarIds,
        Mailbox = Mailbox,
    };
}
