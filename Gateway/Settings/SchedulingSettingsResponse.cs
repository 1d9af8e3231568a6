using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Settings;

/// <summary>A tenant's scheduling settings as returned by <c>/v1/settings/scheduling</c>.</summary>
/// <param name="PreferenceLearning">Whether time preferences are learned from outcomes and scored.</param>
/// <param name="LearningHalfLifeDays">After this many days an observation counts half as much.</param>
/// <param name="UpdatedAt">When the settings were last stored (UTC); <see langword="null"/> while the defaults apply.</param>
/// <param name="CandidateRescheduling">Whether candidates may ask for another time from their booking email.</param>
/// <param name="CandidateRescheduleCutoffHours">No candidate reschedule within this many hours of the start.</param>
/// <param name="MaxCandidateReschedules">How often a candidate may ask per request.</param>
public sealed record SchedulingSettingsResponse(
    bool PreferenceLearning, int LearningHalfLifeDays, DateTimeOffset? UpdatedAt, bool CandidateRescheduling, int CandidateRescheduleCutoffHours, int MaxCandidateReschedules)
{
    /// <summary>Builds the response.</summary>
    /// <param name="settings">The stored settings.</param>
    /// <returns>The response.</returns>
    public static SchedulingSettingsResponse From(SchedulingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.PreferenceLearning, settings.LearningHalfLifeDays, settings.UpdatedAt,
            settings.CandidateRescheduling, settings.CandidateRescheduleCutoffHours, settings.MaxCandidateReschedules);
    }
}
