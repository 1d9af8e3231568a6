namespace Scheduler.Grains.Participants;

/// <summary>A hold or booking of a participant for one request.</summary>
/// <param name="RequestId">The request key.</param>
/// <param name="Intervals">The interview intervals, unbuffered.</param>
/// <param name="CountsTowardCaps">Whether they count for the caps.</param>
/// <param name="CreatedAt">When the hold was granted or the booking confirmed.</param>
/// <param name="ExpiresAt">When a hold expires; <see langword="null"/> for a booking.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ParticipantBooking")]
public sealed record ParticipantBooking([property: Id(0)] string RequestId, [property: Id(1)] IReadOnlyList<TimeRange> Intervals, [property: Id(2)] bool CountsTowardCaps, [property: Id(3)] DateTimeOffset CreatedAt, [property: Id(4)] DateTimeOffset? ExpiresAt)
{
    /// <summary>The request's conferencing, as confirmed (<see cref="HoldRequest.Conferencing"/>).</summary>
    [Id(5)]
    public string Conferencing { get; init; } = "none";

    /// <summary>The starts (UTC) of the intervals whose meeting this participant's calendar makes (<see cref="HoldRequest.HostedStarts"/>).</summary>
    [Id(6)]
    public IReadOnlyList<DateTimeOffset> HostedStarts { get; init; } = [];

    /// <summary>The video meeting links of the booked stages, as the request reported them (<see cref="IParticipantGrain.ShowConferenceLinks"/>).</summary>
    [Id(7)]
    public IReadOnlyList<Requests.ConferenceLink> ConferenceLinks { get; init; } = [];
}
