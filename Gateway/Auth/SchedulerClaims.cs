namespace Scheduler.Gateway.Auth;

/// <summary>The names of the token claims the gateway reads.</summary>
public static class SchedulerClaims
{
    /// <summary>The string claim that scopes every id to a tenant.</summary>
    public const string Tenant = "tenant";

    /// <summary>The array claim of roles (<c>ats</c>, <c>recruiter</c>, <c>admin</c>).</summary>
    public const string Roles = "roles";

    /// <summary>The space-separated OAuth scope claim, accepted as roles too.</summary>
    public const string Scope = "scope";

    /// <summary>The scope claim as Entra ID names it (space-separated).</summary>
    public const string Scp = "scp";

    /// <summary>The subject claim.</summary>
    public const string Subject = "sub";
}
