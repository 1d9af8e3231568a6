namespace Scheduler.Grains.Calendars;

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
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.InterviewEventWrite")]
public sealed record InterviewEventWrite([property: Id(0)] string RequestKey, [property: Id(1)] string ParticipantKey, [property: Id(2)] string CalendarId, [property: Id(3)] IReadOnlyList<TimeRange> Intervals, [property: Id(4)] string Summary)
{
    /// <summary>The request's conferencing (<c>none</c>, <c>googleMeet</c>, <c>teams</c>); a provider adds the link it can make (Google: Meet, Microsoft: Teams) to the events of <see cref="HostedStarts"/>.</summary>
    [Id(5)]
    public string Conferencing { get; init; } = "none";

    /// <summary>
    /// The starts (UTC) of the intervals whose event asks for the <see cref="Conferencing"/> link; the others get none.
    /// When one is made, the account reports it to the request (<see cref="Requests.IInterviewRequestGrain.RecordConferenceLink"/>).
    /// </summary>
    [Id(6)]
    public IReadOnlyList<DateTimeOffset> HostedStarts { get; init; } = [];

    /// <summary>The video meeting links of the intervals (by start); each goes into its event's description.</summary>
    [Id(7)]
    public IReadOnlyList<Requests.ConferenceLink> Links { get; init; } = [];
}
