using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>
/// Plans (or re-plans) a candidate's prep: the one path of <c>POST /v1/interview-requests/{id}/prep-plan</c> and the web
/// app's prep planner. The settings are checked by <see cref="PrepPlanValidator"/> with the request's own <c>prep</c>
/// (else <see cref="PrepSpec.Default"/>) filling the fields left out, then planned by
/// <see cref="IInterviewRequestGrain.PlanPrep"/>.
/// </summary>
public static class PrepPlanning
{
    /// <summary>Checks the settings and plans.</summary>
    /// <param name="grains">The caller's tenant.</param>
    /// <param name="requestId">The interview request id.</param>
    /// <param name="body">The settings; every field optional.</param>
    /// <param name="errors">Where field errors go.</param>
    /// <param name="cancellationToken">Stops waiting for the grains.</param>
    /// <returns>
    /// The outcome: <see cref="CommandError.NotFound"/> for an unknown request, <see cref="CommandError.InvalidArgument"/> with
    /// <paramref name="errors"/> filled (field paths as the route's body), <see cref="CommandError.InvalidState"/> when the
    /// interview is not booked, or the plan.
    /// </returns>
    public static async Task<PrepPlanOutcome> PlanAsync(TenantGrains grains, string requestId, PrepPlanBody body, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        var request = await grains.FindRequest(requestId, cancellationToken);
        if (request is null)
        {
            return new PrepPlanOutcome(CommandError.NotFound, $"No interview request '{FieldRules.Echo(requestId)}'.", null);
        }

        var defaults = request.Spec?.Prep ?? PrepSpec.Default;
        if (!PrepPlanValidator.Check(errors, string.Empty, body, defaults))
        {
            return new PrepPlanOutcome(CommandError.InvalidArgument, errors.FirstAsText(), null);
        }

        return await grains.Request(requestId).PlanPrep(PrepPlanValidator.ToSpec(body, defaults)).WaitAsync(cancellationToken);
    }
}
