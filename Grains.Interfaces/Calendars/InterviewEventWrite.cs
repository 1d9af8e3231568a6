namespace Scheduler.Grains;

/// <summary>
/// A participant's booked interview to mirror into its connected calendar: the account creates or
/// moves one event per interval (ids derived from the request and participant, so a repeat never
/// creates a second event), and deletes the events when <see cref="Intervals"/> is empty.
/// </summary>
/// <param name="RequestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
/// <param name="ParticipantKey">The participant grain key <c>{tenant}/{participantId}</c>.</param>
/// <param name="CalendarId">The calendar to write to; empty for the account's primary calendar.</param>
/// <param name="Intervals">The booked intervals (UTC); empty to delete the events.</param>
/// <param name="Summary">The event title.</param>
public sealed record InterviewEventWrite(string RequestKey, string ParticipantKey, string CalendarId, IReadOnlyList<TimeRange> Intervals, string Summary)
{
    /// <summary>The request's conferencing (<c>none</c>, <c>googleMeet</c>, <c>teams</c>); a provider adds the link it can make (Google: Meet, Microsoft: Teams).</summary>
    public string Conferencing { get; init; } = "none";
}
