namespace Scheduler.Gateway.Participants;

/// <summary>A participant's calendar as returned (secrets removed).</summary>
/// <param name="Provider"><c>ics</c>, <c>caldav</c>, <c>google</c> or <c>microsoft</c>.</param>
/// <param name="Url">The feed or server URL.</param>
/// <param name="Username">The user name (<c>caldav</c>).</param>
/// <param name="HasPassword">Whether a password is stored.</param>
/// <param name="AccountId">The connected account.</param>
/// <param name="CalendarIds">The calendars read (<c>google</c>).</param>
/// <param name="Mailbox">The mailbox read (<c>microsoft</c>).</param>
public sealed record CalendarResponse(string Provider, string? Url, string? Username, bool HasPassword, string? AccountId, IReadOnlyList<string> CalendarIds, string? Mailbox);
