using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.PrepPlans;
using Scheduler.Gateway.Web.Requests;

namespace Scheduler.Gateway.Web.Prep;

/// <summary>
/// Plans prep from the prep planner page as <c>POST /v1/interview-requests/{id}/prep-plan</c> does: the viewer is judged
/// by the route's policy (<see cref="SchedulerPolicies.Recruiter"/>), then <see cref="PrepPlanning"/> checks the settings
/// and calls the request grain; "add to calendar" is the same call with <c>addToCalendar</c> on.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="authorization">The authorization service with the API's policies.</param>
public sealed class PrepActions(IGrainFactory factory, IAuthorizationService authorization)
{
    /// <summary>Plans (or re-plans) the candidate's prep.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The interview request id.</param>
    /// <param name="form">The settings.</param>
    /// <param name="addToCalendar">Whether to add the blocks to the candidate's calendar.</param>
    /// <returns>The plan, or the errors.</returns>
    public async Task<PrepPlanResult> PlanAsync(ClaimsPrincipal viewer, string requestId, PrepPlannerForm form, bool addToCalendar)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(form);
        var none = new Dictionary<string, string[]>();
        if (!(await authorization.AuthorizeAsync(viewer, SchedulerPolicies.Recruiter)).Succeeded)
        {
            return new PrepPlanResult(null, none, ActionResult.Refused(SchedulerPolicies.Recruiter).Message);
        }

        var errors = new ValidationErrors();
        var outcome = await PrepPlanning.PlanAsync(new TenantGrains(factory, viewer.GetTenant()), requestId, form.ToBody(addToCalendar), errors, CancellationToken.None);
        return outcome.Error == CommandError.None
            ? new PrepPlanResult(outcome.Plan, none, null)
            : new PrepPlanResult(null, errors.ToDictionary(), errors.IsEmpty ? outcome.Message : null);
    }
}
