namespace Scheduler.Scheduling.Results;

/// <summary>A stage placed in time.</summary>
/// <param name="Name">The stage's name from the request.</param>
/// <param name="Start">The start (UTC, inclusive).</param>
/// <param name="End">The end (UTC, exclusive).</param>
/// <param name="InterviewerIds">Everyone interviewing in this stage: the panel in request order, then the chosen pool members.</param>
public sealed record ScheduledStage(string Name, Instant Start, Instant End, IReadOnlyList<string> InterviewerIds)
{
    /// <summary>The stage as an interval.</summary>
    public TimeInterval Interval => new(Start, End);
}
