namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>One event reported by an incremental (or full) sync.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Busy">The time it blocks (UTC); <see langword="null"/> when it was deleted, declined-free (transparent) or has no time.</param>
public sealed record CalendarEventChange(string EventId, TimeRange? Busy);
