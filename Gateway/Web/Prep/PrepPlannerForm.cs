using Scheduler.Gateway.PrepPlans;
using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.Web.Prep;

/// <summary>
/// The settings of the prep planner page, in the units of <see cref="PrepPlanBody"/> (hours, minutes), checked by the
/// API's <see cref="PrepPlanValidator"/>.
/// </summary>
public sealed class PrepPlannerForm
{
    /// <summary>Total prep time, hours (the slider: <see cref="PrepPlanValidator.MinTotalHours"/>–<see cref="PrepPlanValidator.MaxTotalHours"/>).</summary>
    public int TotalHours { get; set; } = PrepSpec.Default.TotalHours;

    /// <summary>The most prep hours on one local day of the candidate.</summary>
    public int MaxHoursPerDay { get; set; } = PrepSpec.Default.DailyCapMinutes / 60;

    /// <summary>The shortest block, minutes.</summary>
    public int MinBlockMinutes { get; set; } = PrepSpec.Default.MinBlockMinutes;

    /// <summary>The longest block, minutes.</summary>
    public int MaxBlockMinutes { get; set; } = PrepSpec.Default.MaxBlockMinutes;

    /// <summary>Hours before the interview without prep.</summary>
    public int RestHoursBeforeInterview { get; set; } = PrepSpec.Default.RestHoursBeforeInterview;

    /// <summary>The form filled from settings (a plan's, or the request's own).</summary>
    /// <param name="spec">The settings.</param>
    /// <returns>The form.</returns>
    public static PrepPlannerForm From(PrepSpec spec)
    {
        var settings = PrepSettingsResponse.From(spec);
        return new PrepPlannerForm
        {
            TotalHours = settings.TotalHours,
            MaxHoursPerDay = settings.MaxHoursPerDay,
            MinBlockMinutes = settings.MinBlockMinutes,
            MaxBlockMinutes = settings.MaxBlockMinutes,
            RestHoursBeforeInterview = settings.RestHoursBeforeInterview,
        };
    }

    /// <summary>The body of <c>POST …/prep-plan</c>, every field given.</summary>
    /// <param name="addToCalendar">Whether the blocks are added to the candidate's calendar.</param>
    /// <returns>The body.</returns>
    public PrepPlanBody ToBody(bool addToCalendar) => new()
    {
        TotalHours = TotalHours,
        MaxHoursPerDay = MaxHoursPerDay,
        MinBlockMinutes = MinBlockMinutes,
        MaxBlockMinutes = MaxBlockMinutes,
        RestHoursBeforeInterview = RestHoursBeforeInterview,
        AddToCalendar = addToCalendar,
    };

    /// <summary>Checks the form by the API's rules (<see cref="PrepPlanValidator.Check"/>).</summary>
    /// <returns>Messages by the body's field name (<c>totalHours</c>, <c>maxBlockMinutes</c>, …); empty when valid.</returns>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new ValidationErrors();
        PrepPlanValidator.Check(errors, string.Empty, ToBody(false), PrepSpec.Default);
        return errors.ToDictionary();
    }
}
