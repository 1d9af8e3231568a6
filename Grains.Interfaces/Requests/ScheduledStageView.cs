namespace Scheduler.Grains.Requests;

/// <summary>A stage placed in time.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC, exclusive).</param>
/// <param name="InterviewerIds">Everyone who interviews in it (panel and chosen pool members), without the candidate.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ScheduledStageView")]
public sealed record ScheduledStageView([property: Id(0)] string Name, [property: Id(1)] DateTimeOffset Start, [property: Id(2)] DateTimeOffset End, [property: Id(3)] IReadOnlyList<string> InterviewerIds);
