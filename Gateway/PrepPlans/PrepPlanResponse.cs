using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>
/// A candidate's prep plan: <c>{"blocks":[{start,end}],"totalMinutes","shortfallMinutes","reasons"}</c> and what it
/// was planned for and with.
/// </summary>
/// <param name="RequestId">The interview request id.</param>
/// <param name="CandidateId">The candidate.</param>
/// <param name="InterviewStart">The interview's start (UTC) the plan ends before.</param>
/// <param name="Blocks">The prep blocks (UTC), in order.</param>
/// <param name="TotalMinutes">The planned total, minutes (the sum of the blocks).</param>
/// <param name="RequestedMinutes">The total asked for, minutes (<c>totalHours</c> × 60).</param>
/// <param name="ShortfallMinutes">Requested minus planned minutes; 0 when everything fitted.</param>
/// <param name="Reasons">Why the hours did not all fit (empty when they did).</param>
/// <param name="Settings">The settings used.</param>
/// <param name="Delivery">Where the blocks were added: <c>none</c>, <c>calendar</c> (the candidate's connected calendar) or <c>email</c> (an emailed <c>.ics</c>).</param>
/// <param name="DeliveryNote">With <c>addToCalendar</c>: where the blocks went, or why nowhere; otherwise <see langword="null"/>.</param>
/// <param name="PlannedAt">When it was planned (UTC).</param>
public sealed record PrepPlanResponse(
    string RequestId,
    string CandidateId,
    DateTimeOffset InterviewStart,
    IReadOnlyList<TimeRange> Blocks,
    int TotalMinutes,
    int RequestedMinutes,
    int ShortfallMinutes,
    IReadOnlyList<string> Reasons,
    PrepSettingsResponse Settings,
    PrepDelivery Delivery,
    string? DeliveryNote,
    DateTimeOffset PlannedAt)
{
    /// <summary>Builds the response from the grain's view.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The response.</returns>
    public static PrepPlanResponse From(PrepPlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.RequestId,
            plan.Interview.CandidateId,
            plan.Interview.Slot.Start,
            plan.Blocks,
            plan.PlannedMinutes,
            plan.RequestedMinutes,
            plan.ShortfallMinutes,
            plan.Reasons,
            PrepSettingsResponse.From(plan.Settings),
            plan.Delivery,
            plan.DeliveryNote,
            plan.PlannedAt);
    }
}
