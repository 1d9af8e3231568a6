namespace Scheduler.Grains.Requests;

/// <summary>One component of a proposal's score.</summary>
/// <param name="Code">A stable code, e.g. <c>candidatePreferredTime</c>, <c>early</c>, <c>backToBack</c>.</param>
/// <param name="Points">The points it adds (negative for penalties).</param>
/// <param name="Description">A human-readable explanation.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ScoreReasonView")]
public sealed record ScoreReasonView([property: Id(0)] string Code, [property: Id(1)] double Points, [property: Id(2)] string Description);
