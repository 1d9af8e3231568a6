namespace Scheduler.Gateway.Settings;

/// <summary>The body of <c>PUT /v1/settings/scheduling</c>: replaces the tenant's settings; an omitted field takes its default.</summary>
public sealed record SchedulingSettingsBody
{
    /// <summary>Learn time preferences from outcomes and score proposals with them. Default <see langword="true"/>.</summary>
    public bool? PreferenceLearning { get; init; }

    /// <summary>After this many days an observation counts half as much, 7–730. Default 90.</summary>
    public int? LearningHalfLifeDays { get; init; }

    /// <summary>Candidates may ask for another time from their booking email. Default <see langword="false"/>.</summary>
    public bool? CandidateRescheduling { get; init; }

    /// <summary>No candidate reschedule within this many hours of the start, 0–336. Default 24.</summary>
    public int? CandidateRescheduleCutoffHours { get; init; }

    /// <summary>How often a candidate may ask per request, 1–10. Default 2.</summary>
    public int? MaxCandidateReschedules { get; init; }
}
