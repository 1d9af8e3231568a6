namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>The events an account wrote for one participant's interview.</summary>
/// <param name="CalendarId">The calendar they are in.</param>
/// <param name="EventIds">The provider event ids, one per booked interval.</param>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.Accounts.WrittenEvents")]
public sealed record WrittenEvents([property: Id(0)] string CalendarId, [property: Id(1)] IReadOnlyList<string> EventIds);
