namespace Scheduler.Grains.Requests;

/// <summary>A proposed option.</summary>
/// <param name="Id">The proposal id, unique within the request (<c>p1</c>, <c>p2</c>, …; a new negotiation continues the numbering).</param>
/// <param name="Score">The score; higher is better.</param>
/// <param name="Reasons">The score's components.</param>
/// <param name="Stages">The stages in order.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ProposalView")]
public sealed record ProposalView([property: Id(0)] string Id, [property: Id(1)] double Score, [property: Id(2)] IReadOnlyList<ScoreReasonView> Reasons, [property: Id(3)] IReadOnlyList<ScheduledStageView> Stages);
