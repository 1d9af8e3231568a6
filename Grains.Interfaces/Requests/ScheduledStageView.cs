namespace Scheduler.Grains;

/// <summary>A stage placed in time.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC, exclusive).</param>
/// <param name="InterviewerIds">Everyone who interviews in it (panel and chosen pool members), without the candidate.</param>
public sealed record ScheduledStageView(string Name, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> InterviewerIds);
