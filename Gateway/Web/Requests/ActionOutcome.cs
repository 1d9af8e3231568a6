namespace Scheduler.Gateway.Web.Requests;

/// <summary>How an action on a request page ended.</summary>
public enum ActionOutcome
{
    /// <summary>The request applied it.</summary>
    Applied,

    /// <summary>The viewer lacks the role (the API answers 403).</summary>
    Refused,

    /// <summary>The input broke a rule of the API (the API answers 400).</summary>
    Invalid,

    /// <summary>The request did not apply it: unknown request, or a status that does not allow it (the API answers 404 or 409).</summary>
    Rejected,
}
