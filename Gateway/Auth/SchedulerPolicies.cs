namespace Scheduler.Gateway.Auth;

/// <summary>The authorization policies of the <c>/v1</c> routes. Every policy also needs a tenant claim; <c>admin</c> satisfies all of them.</summary>
public static class SchedulerPolicies
{
    /// <summary>Writes interview requests: <c>ats</c> or <c>admin</c>.</summary>
    public const string Ats = "ats";

    /// <summary>Acts on requests (select, cancel, reschedule) and reads participants: <c>recruiter</c> or <c>admin</c>.</summary>
    public const string Recruiter = "recruiter";

    /// <summary>Reads interview requests: <c>ats</c>, <c>recruiter</c> or <c>admin</c>.</summary>
    public const string RequestReader = "requestReader";

    /// <summary>Manages participants, blocks and pools: <c>admin</c>.</summary>
    public const string Admin = "admin";
}
