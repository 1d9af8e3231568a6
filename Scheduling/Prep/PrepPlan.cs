namespace Scheduler.Scheduling.Prep;

/// <summary>A prep plan: the blocks, and honestly how far short of the request it falls.</summary>
/// <param name="Blocks">Prep blocks in ascending order (UTC), each within the candidate's free time and the block size range.</param>
/// <param name="RequestedMinutes">The total asked for.</param>
/// <param name="PlannedMinutes">The total of <paramref name="Blocks"/>; never more than requested.</param>
/// <param name="ShortfallMinutes">Requested minus planned (0 when the plan is complete).</param>
/// <param name="ShortfallReason">Why the plan is short, or <see langword="null"/> when it is complete.</param>
public sealed record PrepPlan(IReadOnlyList<TimeInterval> Blocks, int RequestedMinutes, int PlannedMinutes, int ShortfallMinutes, string? ShortfallReason)
{
    /// <summary><see langword="true"/> when the planned total equals the requested total.</summary>
    public bool IsComplete => ShortfallMinutes == 0;
}
