namespace Scheduler.Gateway.Settings;

/// <summary>The body of <c>PUT /v1/settings/scheduling</c>: replaces the tenant's settings; an omitted field takes its default.</summary>
public sealed record SchedulingSettingsBody
{
    /// <summary>Learn time preferences from outcomes and score proposals with them. Default <see langword="true"/>.</summary>
    public bool? PreferenceLearning { get; init; }

    /// <summary>After this many days an observation counts half as much, 7–730. Default 90.</summary>
    public int? LearningHalfLifeDays { get; init; }
}
