namespace Scheduler.Grains.Learning;

/// <summary>An observation waiting in a request grain's state to be recorded by one participant (a "Work:" item).</summary>
/// <param name="ParticipantId">The participant (without tenant).</param>
/// <param name="Observation">The observation; its id makes the delivery idempotent.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Learning.PreferenceReport")]
public sealed record PreferenceReport([property: Id(0)] string ParticipantId, [property: Id(1)] PreferenceObservation Observation);
