namespace Scheduler.Grains;

/// <summary>An optional prep plan for the candidate (DESIGN.md §4), stored with the request.</summary>
/// <param name="TotalHours">Total prep time in hours, more than 0.</param>
public sealed record PrepSpec(int TotalHours)
{
    /// <summary>Daily cap in minutes; default 240.</summary>
    public int DailyCapMinutes { get; init; } = 240;

    /// <summary>Shortest block, minutes; default 60.</summary>
    public int MinBlockMinutes { get; init; } = 60;

    /// <summary>Longest block, minutes; default 120.</summary>
    public int MaxBlockMinutes { get; init; } = 120;

    /// <summary>Hours before the interview without prep; default 12.</summary>
    public int NoPrepHoursBeforeInterview { get; init; } = 12;
}
