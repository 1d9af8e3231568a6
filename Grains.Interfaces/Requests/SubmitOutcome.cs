namespace Scheduler.Grains;

/// <summary>The answer to <see cref="IInterviewRequestGrain.Submit"/>.</summary>
/// <param name="Request">The request as stored (the existing one when it was already submitted).</param>
/// <param name="Created">Whether this call created it.</param>
public sealed record SubmitOutcome(InterviewRequestView Request, bool Created);
