namespace Scheduler.Grains.Participants;

/// <summary>A request's ask to hold (or confirm) intervals on a participant.</summary>
/// <param name="RequestId">The request key (<c>{tenant}/{requestId}</c>); holds and bookings are idempotent on it.</param>
/// <param name="Intervals">The interview intervals this participant attends (one per stage), unbuffered.</param>
/// <param name="Ttl">How long the hold lives unless confirmed; 1 s to 1 h.</param>
/// <param name="CountsTowardCaps">Whether these are interviews for the daily/weekly caps (interviewers: yes; the candidate: no).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.HoldRequest")]
public sealed record HoldRequest([property: Id(0)] string RequestId, [property: Id(1)] IReadOnlyList<TimeRange> Intervals, [property: Id(2)] TimeSpan Ttl, [property: Id(3)] bool CountsTowardCaps)
{
    /// <summary>The request's conferencing (<c>none</c>, <c>googleMeet</c>, <c>teams</c>): the calendar events written for the booking ask their provider for that link.</summary>
    [Id(4)]
    public string Conferencing { get; init; } = "none";

    /// <summary>
    /// The starts (UTC) of the intervals whose video meeting this participant's calendar makes: the request picks one host
    /// per stage (<see cref="Conferencing"/> is made once per stage, not once per interviewer). Empty: none.
    /// </summary>
    [Id(5)]
    public IReadOnlyList<DateTimeOffset> HostedStarts { get; init; } = [];
}
