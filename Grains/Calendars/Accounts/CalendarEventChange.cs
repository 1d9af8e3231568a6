namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>One event reported by an incremental (or full) sync.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Busy">The time it blocks (UTC); <see langword="null"/> when it was deleted, declined-free (transparent) or has no time.</param>
/// <param name="Uid">
/// Its iCalendar UID (RFC 5545 §3.8.4.7: Google's <c>iCalUID</c>, Graph's <c>iCalUId</c> read by
/// <see cref="Microsoft.ExchangeGlobalObjectId.ToUid"/>): a received invite keeps its organizer's, so Scheduler's own
/// invites are told by it (<see cref="Notifications.MessageIds.IsOwnUid"/>); <see langword="null"/> when the provider gave none.
/// </param>
public sealed record CalendarEventChange(string EventId, TimeRange? Busy, string? Uid = null);
