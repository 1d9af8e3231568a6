namespace Scheduler.Grains.Requests;

/// <summary>An optional prep plan for the candidate (DESIGN.md §4), stored with the request.</summary>
/// <param name="TotalHours">Total prep time in hours, more than 0.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PrepSpec")]
public sealed record PrepSpec([property: Id(0)] int TotalHours)
{
    /// <summary>Daily cap in minutes; default 240.</summary>
    [Id(1)]
    public int DailyCapMinutes { get; init; } = 240;

    /// <summary>Shortest block, minutes; default 60.</summary>
    [Id(2)]
    public int MinBlockMinutes { get; init; } = 60;

    /// <summary>Longest block, minutes; default 120.</summary>
    [Id(3)]
    public int MaxBlockMinutes { get; init; } = 120;

    /// <summary>Hours before the interview without prep; default 12.</summary>
    [Id(4)]
    public int NoPrepHoursBeforeInterview { get; init; } = 12;
}
