using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.InterviewRequests;

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
    public Task<ActionResult> SelectAsync(ClaimsPrincipal viewer, string requestId, string proposalId) =>
        ApplyAsync(viewer, requestId, string.IsNullOrWhiteSpace(proposalId) ? "Choose a proposal." : null, async request =>
        {
            var outcome = await request.Select(proposalId);
            return outcome.Error == CommandError.UnknownProposal
                ? new ActionResult(ActionOutcome.Invalid, $"'{FieldRules.Echo(proposalId)}' is not a current proposal.", outcome.Request)
                : From(outcome);
        });

    /// <summary>Cancels a request and releases its holds and bookings.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="reason">Why; optional, at most <see cref="CancelBody.MaxReasonLength"/> characters.</param>
    /// <returns>The result.</returns>
    public Task<ActionResult> CancelAsync(ClaimsPrincipal viewer, string requestId, string? reason) =>
        ApplyAsync(
            viewer,
            requestId,
            reason is { Length: > CancelBody.MaxReasonLength } ? $"The reason is at most {CancelBody.MaxReasonLength} characters." : null,
            async request => From(await request.Cancel(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())));

    /// <summary>
    /// Releases the booking and negotiates again, in a new window when one is given, as <c>POST …/reschedule</c> does: the
    /// window is checked by the route's rules (<see cref="RescheduleBody.ToSpec"/>).
    /// </summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="window">The new window; <see langword="null"/> keeps the current one.</param>
    /// <param name="now">The current time (a new window must end after it).</param>
    /// <returns>The result; on success the request is rescheduling.</returns>
    public Task<ActionResult> RescheduleAsync(ClaimsPrincipal viewer, string requestId, TimeRangeBody? window, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var spec = RescheduleBody.ToSpec(new RescheduleBody { Window = window }, now, errors);
        var invalid = spec is null ? string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) : null;
        return ApplyAsync(viewer, requestId, invalid, async request => From(await request.Reschedule(spec!)));
    }

    /// <summary>The one path of every action: the route's policy, then the input's error, then the request id, then the request grain.</summary>
    private async Task<ActionResult> ApplyAsync(ClaimsPrincipal viewer, string requestId, string? invalid, Func<IInterviewRequestGrain, Task<ActionResult>> apply)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!(await authorization.AuthorizeAsync(viewer, SchedulerPolicies.Recruiter)).Succeeded)
        {
            return ActionResult.Refused(SchedulerPolicies.Recruiter);
        }

        if (invalid is not null)
        {
            return new ActionResult(ActionOutcome.Invalid, invalid, null);
        }

        return FieldRules.IsValidId(requestId)
            ? await apply(new TenantGrains(factory, viewer.GetTenant()).Request(requestId))
            : new ActionResult(ActionOutcome.Rejected, $"No interview request '{FieldRules.Echo(requestId)}'.", null);
    }

    private static ActionResult From(CommandOutcome outcome) => outcome.Error switch
    {
        CommandError.None => new ActionResult(ActionOutcome.Applied, null, outcome.Request),
        CommandError.InvalidArgument => new ActionResult(ActionOutcome.Invalid, outcome.Message, outcome.Request),
        _ => new ActionResult(ActionOutcome.Rejected, outcome.Message ?? "The request did not accept it.", outcome.Request),
    };
}
