namespace Scheduler.Grains.Calendars;

/// <summary>A calendar account's message to a participant that read it: these calendars changed.</summary>
/// <param name="AccountKey">The account grain key <c>{tenant}/{provider}/{accountId}</c>.</param>
/// <param name="Provider">The provider (<c>google</c>, <c>microsoft</c>): the participant's calendar entries of this provider and account are refreshed.</param>
/// <param name="AccountId">The account id.</param>
/// <param name="CalendarIds">The calendars that changed.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarChange")]
public sealed record CalendarChange([property: Id(0)] string AccountKey, [property: Id(1)] string Provider, [property: Id(2)] string AccountId, [property: Id(3)] IReadOnlyList<string> CalendarIds)
{
    /// <summary>
    /// The busy time of the events that were added or moved (UTC), leaving out the events the
    /// account wrote itself (the interviews) and Scheduler's invites taken into the calendar (by their UID). After a
    /// full resync these are all the calendar's busy events. A participant compares them with its bookings to find conflicts.
    /// </summary>
    [Id(4)]
    public IReadOnlyList<TimeRange> Busy { get; init; } = [];
}
