namespace Scheduler.Gateway.Web.Auth;

/// <summary>The fields of the local sign-in page.</summary>
public sealed class LocalSignInForm
{
    /// <summary>The tenant to sign in to. Default <c>demo</c>, the demo tenant.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>The name shown while signed in (the <c>sub</c> claim).</summary>
    public string Name { get; set; } = "local-user";

    /// <summary>Whether to take the <c>ats</c> role.</summary>
    public bool Ats { get; set; }

    /// <summary>Whether to take the <c>recruiter</c> role.</summary>
    public bool Recruiter { get; set; } = true;

    /// <summary>Whether to take the <c>admin</c> role.</summary>
    public bool Admin { get; set; }

    /// <summary>The roles ticked.</summary>
    /// <returns>Role names, possibly none.</returns>
    public IReadOnlyList<string> Roles() =>
        [.. new[] { (Ats, Scheduler.Gateway.Auth.SchedulerRoles.Ats), (Recruiter, Scheduler.Gateway.Auth.SchedulerRoles.Recruiter), (Admin, Scheduler.Gateway.Auth.SchedulerRoles.Admin) }.Where(r => r.Item1).Select(r => r.Item2)];
}
