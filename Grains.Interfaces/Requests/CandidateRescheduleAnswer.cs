namespace Scheduler.Grains.Requests;

/// <summary>
/// The request's answer about a candidate asking for another time for one booking (<see cref="IInterviewRequestGrain.GetCandidateReschedule"/>,
/// <see cref="IInterviewRequestGrain.RescheduleForCandidate"/>).
/// </summary>
/// <param name="State">Where it stands.</param>
/// <param name="Message">One sentence for the candidate, plain text: what happens next, or why it is not possible.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CandidateRescheduleAnswer")]
public sealed record CandidateRescheduleAnswer([property: Id(0)] CandidateRescheduleState State, [property: Id(1)] string Message);
