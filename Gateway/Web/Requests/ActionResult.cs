namespace Scheduler.Gateway.Web.Requests;

/// <summary>What became of an action on a request page.</summary>
/// <param name="Outcome">Applied, refused for want of a role, invalid input, or not applied by the request (not found, wrong status).</param>
/// <param name="Message">What to tell the person; <see langword="null"/> when applied.</param>
/// <param name="Request">The request after the action, when the request answered.</param>
public sealed record ActionResult(ActionOutcome Outcome, string? Message, InterviewRequestView? Request)
{
    /// <summary>The answer when the viewer lacks the role.</summary>
    /// <param name="policy">The policy that refused.</param>
    /// <returns>The result.</returns>
    public static ActionResult Refused(string policy) => new(ActionOutcome.Refused, $"Not allowed: this needs the {policy} role.", null);
}
