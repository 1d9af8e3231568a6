using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Gateway.InterviewRequests;
using Scheduler.Grains.Requests;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>
/// The actions of a request's page, under the API's rules: the viewer is judged by the same policy as the route
/// (<see cref="SchedulerPolicies.Recruiter"/> for select, cancel and reschedule), the input by the same checks, and the
/// request grain applies it exactly as for <c>POST …/selection</c>, <c>POST …/cancel</c> and <c>POST …/reschedule</c>.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="authorization">The authorization service with the API's policies.</param>
public sealed class RequestActions(IGrainFactory factory, IAuthorizationService authorization)
{
    /// <summary>Books a proposal.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="proposalId">The proposal id (<c>p1</c>, …).</param>
    /// <returns>The result.</returns>
    public async Task<ActionResult> SelectAsync(ClaimsPrincipal viewer, string requestId, string proposalId)
    {
        if (await RefusedAsync(viewer, SchedulerPolicies.Recruiter) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(proposalId))
        {
            return new ActionResult(ActionOutcome.Invalid, "Choose a proposal.", null);
        }

        if (!FieldRules.IsValidId(requestId))
        {
            return NotFound(requestId);
        }

        var outcome = await new TenantGrains(factory, viewer.GetTenant()).Request(requestId).Select(proposalId);
        return outcome.Error == CommandError.UnknownProposal
            ? new ActionResult(ActionOutcome.Invalid, $"'{FieldRules.Echo(proposalId)}' is not a current proposal.", outcome.Request)
            : From(outcome);
    }

    /// <summary>Cancels a request and releases its holds and bookings.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="reason">Why; optional, at most <see cref="CancelBody.MaxReasonLength"/> characters.</param>
    /// <returns>The result.</returns>
    public async Task<ActionResult> CancelAsync(ClaimsPrincipal viewer, string requestId, string? reason)
    {
        if (await RefusedAsync(viewer, SchedulerPolicies.Recruiter) is { } refused)
        {
            return refused;
        }

        if (reason is { Length: > CancelBody.MaxReasonLength })
        {
            return new ActionResult(ActionOutcome.Invalid, $"The reason is at most {CancelBody.MaxReasonLength} characters.", null);
        }

        if (!FieldRules.IsValidId(requestId))
        {
            return NotFound(requestId);
        }

        var outcome = await new TenantGrains(factory, viewer.GetTenant()).Request(requestId).Cancel(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return From(outcome);
    }

    /// <summary>
    /// Releases the booking and negotiates again, in a new window when one is given, as <c>POST …/reschedule</c> does: the
    /// window is checked by the route's rules (<see cref="RescheduleBody.ToSpec"/>).
    /// </summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="window">The new window; <see langword="null"/> keeps the current one.</param>
    /// <param name="now">The current time (a new window must end after it).</param>
    /// <returns>The result; on success the request is rescheduling.</returns>
    public async Task<ActionResult> RescheduleAsync(ClaimsPrincipal viewer, string requestId, TimeRangeBody? window, DateTimeOffset now)
    {
        if (await RefusedAsync(viewer, SchedulerPolicies.Recruiter) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        if (RescheduleBody.ToSpec(new RescheduleBody { Window = window }, now, errors) is not { } spec)
        {
            return new ActionResult(ActionOutcome.Invalid, string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), null);
        }

        if (!FieldRules.IsValidId(requestId))
        {
            return NotFound(requestId);
        }

        return From(await new TenantGrains(factory, viewer.GetTenant()).Request(requestId).Reschedule(spec));
    }

    /// <summary>Whether the viewer may take actions of <paramref name="policy"/>.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="policy">A <see cref="SchedulerPolicies"/> name.</param>
    /// <returns><see langword="true"/> when the policy admits the viewer.</returns>
    public async Task<bool> MayAsync(ClaimsPrincipal viewer, string policy) => (await authorization.AuthorizeAsync(viewer, policy)).Succeeded;

    private async Task<ActionResult?> RefusedAsync(ClaimsPrincipal viewer, string policy)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return await MayAsync(viewer, policy) ? null : ActionResult.Refused(policy);
    }

    private static ActionResult From(CommandOutcome outcome) => outcome.Error switch
    {
        CommandError.None => new ActionResult(ActionOutcome.Applied, null, outcome.Request),
        CommandError.InvalidArgument => new ActionResult(ActionOutcome.Invalid, outcome.Message, outcome.Request),
        _ => new ActionResult(ActionOutcome.Rejected, outcome.Message ?? "The request did not accept it.", outcome.Request),
    };

    private static ActionResult NotFound(string requestId) => new(ActionOutcome.Rejected, $"No interview request '{FieldRules.Echo(requestId)}'.", null);
}
