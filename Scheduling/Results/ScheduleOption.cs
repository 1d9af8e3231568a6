namespace Scheduler.Scheduling.Results;

/// <summary>One feasible way to hold the whole interview: every hard constraint holds; the score ranks options.</summary>
/// <param name="Score">The sum of <paramref name="Reasons"/>' points; higher is better. Comparable only between options of one request.</param>
/// <param name="Reasons">Why the option scored what it did.</param>
/// <param name="Stages">The stages in request order, with their times and interviewers.</param>
public sealed record ScheduleOption(double Score, IReadOnlyList<ScoreReason> Reasons, IReadOnlyList<ScheduledStage> Stages)
{
    /// <summary>The start of the first stage (UTC).</summary>
    public Instant Start => Stages[0].Start;

    /// <summary>The end of the last stage (UTC).</summary>
    public Instant End => Stages[^1].End;
}
