namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>An event as Graph returned it after a write.</summary>
/// <param name="Id">Graph's event id (needed to update or cancel it).</param>
/// <param name="Range">Start and end (UTC).</param>
/// <param name="JoinUrl">The Teams join URL (<c>onlineMeeting.joinUrl</c>); <see langword="null"/> without a Teams meeting.</param>
/// <param name="TransactionId">The <c>transactionId</c> it was created with; may be <see langword="null"/>.</param>
public sealed record MicrosoftEvent(string Id, TimeRange Range, string? JoinUrl, string? TransactionId);
