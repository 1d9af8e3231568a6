namespace Scheduler.Grains.Calendars.Providers;

/// <summary>An event a provider stored (<see cref="CalendarProvider.UpsertEventAsync"/>).</summary>
/// <param name="Id">The provider's id of the event (Google: ours; Graph: the one Graph assigned).</param>
/// <param name="ConferenceUrl">The event's video meeting link (Google <c>hangoutLink</c>, Graph <c>onlineMeeting.joinUrl</c>); <see langword="null"/> when it has none.</param>
public sealed record UpsertedEvent(string Id, string? ConferenceUrl);
