namespace Scheduler.Scheduling.Prep;

/// <summary>
/// What the prep planner needs (DESIGN.md §4): the booked interview, the candidate's free working time, and the
/// shape of the plan. All durations are whole minutes.
/// </summary>
/// <param name="InterviewStart">The booked interview's start (UTC).</param>
/// <param name="CandidateFree">The candidate's free working time (UTC), e.g. from <see cref="ParticipantAvailability.FreeIntervals"/>.</param>
/// <param name="Zone">The candidate's zone: days, daily caps and the block grid are local to it.</param>
/// <param name="TotalMinutes">Prep time wanted in total, in minutes (1 or more; 30–50 hours is common, i.e. 1800–3000).</param>
public sealed record PrepPlanRequest(Instant InterviewStart, IntervalSet CandidateFree, DateTimeZone Zone, int TotalMinutes)
{
    /// <summary>The most prep minutes on one local date (1 or more). Default 240.</summary>
    public int DailyCapMinutes { get; init; } = 240;

    /// <summary>The shortest block in minutes (1 or more). Default 60.</summary>
    public int MinBlockMinutes { get; init; } = 60;

    /// <summary>The longest block in minutes (at least <see cref="MinBlockMinutes"/>). Default 120.</summary>
    public int MaxBlockMinutes { get; init; } = 120;

    /// <summary>No block may end later than this many hours before the interview (0 or more). Default 12.</summary>
    public int NoPrepHoursBeforeInterview { get; init; } = 12;

    /// <summary>The least break between two blocks on one day, in minutes (0 or more). Default 15.</summary>
    public int BreakMinutes { get; init; } = 15;

    /// <summary>Blocks start on this grid of minutes from local midnight; must divide 1440. Default 15.</summary>
    public int GranularityMinutes { get; init; } = 15;
}
