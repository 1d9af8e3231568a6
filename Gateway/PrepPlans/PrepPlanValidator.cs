using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>
/// The one set of rules for prep plan settings (<see cref="PrepPlanBody"/>), used by the prep plan route and by the
/// request's <c>prep</c>: each field's range, and the fields against each other once the missing ones are filled from
/// the defaults (the request's own <c>prep</c>, else <see cref="PrepSpec.Default"/>).
/// </summary>
public static class PrepPlanValidator
{
    /// <summary>The fewest total hours (the planner's slider starts here).</summary>
    public const int MinTotalHours = 30;

    /// <summary>The most total hours.</summary>
    public const int MaxTotalHours = 50;

    /// <summary>The most prep hours in one day.</summary>
    public const int MaxHoursPerDay = 12;

    /// <summary>The shortest block allowed, minutes.</summary>
    public const int MinBlockMinutes = 15;

    /// <summary>The longest shortest-block allowed, minutes.</summary>
    public const int MaxMinBlockMinutes = 240;

    /// <summary>The longest block allowed, minutes.</summary>
    public const int MaxBlockMinutes = 480;

    /// <summary>The longest rest period, hours (a week).</summary>
    public const int MaxRestHours = 168;

    /// <summary>Checks the settings, each field on its own and then against each other with <paramref name="defaults"/> filled in.</summary>
    /// <param name="errors">Where errors go, keyed by field path.</param>
    /// <param name="path">The body's path: empty for the route's body, <c>prep</c> in a request.</param>
    /// <param name="body">The settings.</param>
    /// <param name="defaults">What fills the fields left out.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool Check(ValidationErrors errors, string path, PrepPlanBody body, PrepSpec defaults)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(defaults);
        var ok = FieldRules.CheckRange(errors, FieldPath.Member(path, "totalHours"), body.TotalHours, MinTotalHours, MaxTotalHours, "hours");
        ok &= FieldRules.CheckRange(errors, FieldPath.Member(path, "maxHoursPerDay"), body.MaxHoursPerDay, 1, MaxHoursPerDay, "hours");
        ok &= FieldRules.CheckRange(errors, FieldPath.Member(path, "minBlockMinutes"), body.MinBlockMinutes, MinBlockMinutes, MaxMinBlockMinutes, "minutes");
        ok &= FieldRules.CheckRange(errors, FieldPath.Member(path, "maxBlockMinutes"), body.MaxBlockMinutes, MinBlockMinutes, MaxBlockMinutes, "minutes");
        ok &= FieldRules.CheckRange(errors, FieldPath.Member(path, "restHoursBeforeInterview"), body.RestHoursBeforeInterview, 0, MaxRestHours, "hours");
        if (!ok)
        {
            return false;
        }

        var spec = ToSpec(body, defaults);
        ok = errors.Require(
            spec.MaxBlockMinutes >= spec.MinBlockMinutes,
            FieldPath.Member(path, body.MaxBlockMinutes is null ? "minBlockMinutes" : "maxBlockMinutes"),
            $"maxBlockMinutes ({spec.MaxBlockMinutes}) must be at least minBlockMinutes ({spec.MinBlockMinutes}).");
        return ok & errors.Require(
            spec.DailyCapMinutes >= spec.MinBlockMinutes,
            FieldPath.Member(path, body.MaxHoursPerDay is null ? "minBlockMinutes" : "maxHoursPerDay"),
            $"maxHoursPerDay ({spec.DailyCapMinutes / 60}) must hold at least one block of minBlockMinutes ({spec.MinBlockMinutes}).");
    }

    /// <summary>The settings with the fields left out taken from <paramref name="defaults"/>; a longest block left out grows to the shortest when that is longer.</summary>
    /// <param name="body">The settings (checked by <see cref="Check"/>).</param>
    /// <param name="defaults">What fills the fields left out.</param>
    /// <returns>The settings.</returns>
    public static PrepSpec ToSpec(PrepPlanBody body, PrepSpec defaults)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(defaults);
        var minBlock = body.MinBlockMinutes ?? defaults.MinBlockMinutes;
        return new PrepSpec(body.TotalHours ?? defaults.TotalHours)
        {
            DailyCapMinutes = body.MaxHoursPerDay * 60 ?? defaults.DailyCapMinutes,
            MinBlockMinutes = minBlock,
            MaxBlockMinutes = body.MaxBlockMinutes ?? Math.Max(defaults.MaxBlockMinutes, minBlock),
            RestHoursBeforeInterview = body.RestHoursBeforeInterview ?? defaults.RestHoursBeforeInterview,
            AddToCalendar = body.AddToCalendar ?? defaults.AddToCalendar,
        };
    }
}
