using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Prep;

/// <summary>The answer to <see cref="IInterviewRequestGrain.PlanPrep"/>.</summary>
/// <param name="Error">Why no plan was made (<see cref="CommandError.NotFound"/>, <see cref="CommandError.InvalidState"/> when the interview is not booked); <see cref="CommandError.None"/> when it was.</param>
/// <param name="Message">An explanation of an error; <see langword="null"/> when planned.</param>
/// <param name="Plan">The plan; <see langword="null"/> on an error.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Prep.PrepPlanOutcome")]
public sealed record PrepPlanOutcome([property: Id(0)] CommandError Error, [property: Id(1)] string? Message, [property: Id(2)] PrepPlanView? Plan);
