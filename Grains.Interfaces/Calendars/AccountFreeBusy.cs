namespace Scheduler.Grains.Calendars;

/// <summary>A calendar account's answer to <see cref="AccountFreeBusyQuery"/>.</summary>
/// <param name="Busy">Busy intervals of all asked calendars, merged per calendar, ordered by start.</param>
/// <param name="Errors">Calendar id → the provider's error reason (e.g. <c>notFound</c>) for calendars that could not be read.</param>
/// <param name="FetchedAt">When the provider answered (UTC).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AccountFreeBusy")]
public sealed record AccountFreeBusy([property: Id(0)] IReadOnlyList<TimeRange> Busy, [property: Id(1)] IReadOnlyDictionary<string, string> Errors, [property: Id(2)] DateTimeOffset FetchedAt);
