using System.Text.Json.Serialization;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>
/// The settings of a candidate's prep plan: the body of <c>POST /v1/interview-requests/{id}/prep-plan</c> and the
/// request's optional <c>prep</c>. Every field is optional; what is left out comes from the request's <c>prep</c>, else
/// the defaults below (<see cref="PrepPlanValidator"/>). Unknown fields are refused (400), so a misspelt or renamed
/// setting is never silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PrepPlanBody
{
    /// <summary>Total prep time in whole hours, 30–50; default 40.</summary>
    public int? TotalHours { get; init; }

    /// <summary>The most prep hours on one day of the candidate (local date), 1–12 and at least one shortest block; default 6.</summary>
    public int? MaxHoursPerDay { get; init; }

    /// <summary>The shortest block in minutes, 15–240; default 60.</summary>
    public int? MinBlockMinutes { get; init; }

    /// <summary>The longest block in minutes, at least <c>minBlockMinutes</c> and at most 480; default 180 (or <c>minBlockMinutes</c> when that is longer).</summary>
    public int? MaxBlockMinutes { get; init; }

    /// <summary>Hours before the interview without prep (the rest period), 0–168; default 12.</summary>
    public int? RestHoursBeforeInterview { get; init; }

    /// <summary>Whether to add the blocks to the candidate's calendar: their connected calendar, or an emailed <c>.ics</c> when they have none; default <see langword="false"/>.</summary>
    public bool? AddToCalendar { get; init; }
}
