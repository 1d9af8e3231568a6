namespace Scheduler.Gateway.Auth;

/// <summary>The roles a token grants (claim <c>roles</c>, or the space-separated <c>scope</c>).</summary>
public static class SchedulerRoles
{
    /// <summary>An applicant tracking system: writes interview requests (and reads them back).</summary>
    public const string Ats = "ats";

    /// <summary>A recruiter: reads requests and participants, selects, cancels and reschedules.</summary>
    public const string Recruiter = "recruiter";

    /// <summary>An administrator: participants, blocks and pools; may do everything.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, for validation of minted tokens.</summary>
    public static readonly IReadOnlyList<string> All = [Ats, Recruiter, Admin];
}
