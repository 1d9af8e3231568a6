namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>An event to create or update in a mailbox's calendar.</summary>
/// <param name="TransactionId">Graph's <c>transactionId</c>: the same id on a retried create returns the event created the first time instead of a second one. Derive it from what the event is for (<see cref="MicrosoftEventIds.TransactionId"/>).</param>
/// <param name="Subject">The title.</param>
/// <param name="Range">Start and end (UTC); the end after the start.</param>
/// <param name="Attendees">SMTP addresses invited as required attendees.</param>
/// <param name="Teams">Whether to add a Teams meeting (<c>isOnlineMeeting</c>, <c>onlineMeetingProvider: teamsForBusiness</c>).</param>
public sealed record MicrosoftEventWrite(string TransactionId, string Subject, TimeRange Range, IReadOnlyList<string> Attendees, bool Teams)
{
    /// <summary>The plain-text body; may be <see langword="null"/>.</summary>
    public string? Body { get; init; }
}
