namespace Scheduler.Scheduling.Requests;

/// <summary>How the stages of a loop follow each other.</summary>
/// <param name="SameDay">When <see langword="true"/> (the default) all stages start and end on one local date of the candidate.</param>
/// <param name="MinGapMinutes">The shortest break between the end of a stage and the start of the next, in minutes (0 or more).</param>
/// <param name="MaxGapMinutes">The longest break, in minutes (at least <paramref name="MinGapMinutes"/>).</param>
public sealed record SequencingRules(bool SameDay = true, int MinGapMinutes = 0, int MaxGapMinutes = 60)
{
    /// <summary>Same day, breaks of 0 to 60 minutes.</summary>
    public static SequencingRules Default { get; } = new();
}
