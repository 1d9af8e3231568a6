namespace Scheduler.Grains.Requests;

/// <summary>The answer to <see cref="IInterviewRequestGrain.Submit"/>.</summary>
/// <param name="Request">The request as stored (the existing one when it was already submitted).</param>
/// <param name="Created">Whether this call created it.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SubmitOutcome")]
public sealed record SubmitOutcome([property: Id(0)] InterviewRequestView Request, [property: Id(1)] bool Created);
