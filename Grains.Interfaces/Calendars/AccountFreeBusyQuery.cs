namespace Scheduler.Grains.Calendars;

/// <summary>A free/busy question to a calendar account.</summary>
/// <param name="ReaderKey">The participant grain key <c>{tenant}/{participantId}</c> asking; the account remembers it and tells it when these calendars change.</param>
/// <param name="CalendarIds">The calendars to read; empty means the account's primary calendar.</param>
/// <param name="Range">The range (UTC); any length (the account splits it into calls the provider accepts).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AccountFreeBusyQuery")]
public sealed record AccountFreeBusyQuery([property: Id(0)] string ReaderKey, [property: Id(1)] IReadOnlyList<string> CalendarIds, [property: Id(2)] TimeRange Range);
