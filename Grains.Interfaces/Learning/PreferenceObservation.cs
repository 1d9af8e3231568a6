namespace Scheduler.Grains.Learning;

/// <summary>One observation of a participant's time preferences, recorded once by <see cref="Participants.IParticipantGrain.RecordPreference"/>.</summary>
/// <param name="Id">Unique per request and event, <c>{tenant}/{requestId}#{n}</c> with <c>n</c> the request's history entry of the event; a repeat with the same id is ignored.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="At">When it happened (UTC); the observation's age is counted from here.</param>
/// <param name="Slot">The start of the interview time concerned (UTC).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PreferenceObservation")]
public sealed record PreferenceObservation([property: Id(0)] string Id, [property: Id(1)] PreferenceOutcome Outcome, [property: Id(2)] DateTimeOffset At, [property: Id(3)] DateTimeOffset Slot)
{
    /// <summary>For <see cref="PreferenceOutcome.Selected"/>: the starts (UTC) of the other proposals the candidate was shown.</summary>
    [Id(4)]
    public IReadOnlyList<DateTimeOffset> PassedOver { get; init; } = [];
}
