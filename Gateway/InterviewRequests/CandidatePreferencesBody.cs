namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The candidate's soft preferences.</summary>
public sealed record CandidatePreferencesBody
{
    /// <summary>Preferred times in the candidate's zone.</summary>
    public IReadOnlyList<WeeklyHoursBody?>? PreferredTimes { get; init; }
}
