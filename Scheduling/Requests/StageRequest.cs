namespace Scheduler.Scheduling.Requests;

/// <summary>One stage of an interview (a single interview is one stage; a loop has several, in order).</summary>
/// <param name="Name">The stage's display name, e.g. "Technical".</param>
/// <param name="DurationMinutes">Length in minutes, 1 to 1440.</param>
/// <param name="InterviewerIds">The panel: every listed interviewer attends every minute of the stage.</param>
public sealed record StageRequest(string Name, int DurationMinutes, IReadOnlyList<string> InterviewerIds)
{
    /// <summary>Pools that each add <see cref="PoolRequirement.Count"/> members to the stage (never someone already on it).</summary>
    public IReadOnlyList<PoolRequirement> Pools { get; init; } = [];
}
