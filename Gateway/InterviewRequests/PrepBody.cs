namespace Scheduler.Gateway.InterviewRequests;

/// <summary>An optional prep plan for the candidate.</summary>
public sealed record PrepBody
{
    /// <summary>Total prep time in hours, 1–200; required when <c>prep</c> is given.</summary>
    public int? TotalHours { get; init; }

    /// <summary>Daily cap in minutes, 15–720; default 240.</summary>
    public int? DailyCapMinutes { get; init; }

    /// <summary>Shortest block in minutes, 15–480; default 60.</summary>
    public int? MinBlockMinutes { get; init; }

    /// <summary>Longest block in minutes, at least the shortest, at most 480; default 120.</summary>
    public int? MaxBlockMinutes { get; init; }

    /// <summary>Hours before the interview without prep, 0–168; default 12.</summary>
    public int? NoPrepHoursBeforeInterview { get; init; }
}
