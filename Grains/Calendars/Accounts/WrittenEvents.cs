namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>The events an account wrote for one participant's interview.</summary>
/// <param name="CalendarId">The calendar they are in.</param>
/// <param name="EventIds">The provider event ids, one per booked interval.</param>
public sealed record WrittenEvents(string CalendarId, IReadOnlyList<string> EventIds);
