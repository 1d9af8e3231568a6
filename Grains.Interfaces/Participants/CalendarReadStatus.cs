namespace Scheduler.Grains.Participants;

/// <summary>How fresh one of a participant's calendars is in an answer.</summary>
/// <param name="Calendar">The calendar: its URL with secrets removed (<c>ics</c>, <c>caldav</c>) or <c>{provider}:{accountId}</c>.</param>
/// <param name="Provider">The provider: <c>ics</c>, <c>caldav</c>, <c>google</c> or <c>microsoft</c>.</param>
/// <param name="LastReadAt">When the data used was read from the calendar (UTC); <see langword="null"/> when it never was.</param>
/// <param name="Stale">Whether the answer used older data than the calendar's freshness limit allows, or none, for the asked range.</param>
/// <param name="Reason">Why it is stale (the last read's error, a read still running, …), or why a fresh read was only partial; otherwise <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarReadStatus")]
public sealed record CalendarReadStatus(
    [property: Id(0)] string Calendar,
    [property: Id(1)] string Provider,
    [property: Id(2)] DateTimeOffset? LastReadAt,
    [property: Id(3)] bool Stale,
    [property: Id(4)] string? Reason);
