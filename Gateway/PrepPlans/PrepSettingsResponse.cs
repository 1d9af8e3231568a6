using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>The settings a prep plan was made with, in the shape of <see cref="PrepPlanBody"/>.</summary>
/// <param name="TotalHours">Total prep time, hours.</param>
/// <param name="MaxHoursPerDay">The most prep hours on one local day of the candidate (whole hours).</param>
/// <param name="MinBlockMinutes">The shortest block, minutes.</param>
/// <param name="MaxBlockMinutes">The longest block, minutes.</param>
/// <param name="RestHoursBeforeInterview">Hours before the interview without prep.</param>
/// <param name="AddToCalendar">Whether the blocks are added to the candidate's calendar.</param>
public sealed record PrepSettingsResponse(int TotalHours, int MaxHoursPerDay, int MinBlockMinutes, int MaxBlockMinutes, int RestHoursBeforeInterview, bool AddToCalendar)
{
    /// <summary>Builds the response from the stored settings.</summary>
    /// <param name="spec">The settings.</param>
    /// <returns>The response.</returns>
    public static PrepSettingsResponse From(PrepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec.TotalHours, spec.DailyCapMinutes / 60, spec.MinBlockMinutes, spec.MaxBlockMinutes, spec.RestHoursBeforeInterview, spec.AddToCalendar);
    }
}
