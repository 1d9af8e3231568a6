namespace Scheduler.Gateway.Auth;

/// <summary>The body of <c>POST /dev/token</c>.</summary>
public sealed record DevTokenRequest
{
    /// <summary>The tenant claim (required).</summary>
    public string? Tenant { get; init; }

    /// <summary>The roles; default all three (<c>ats</c>, <c>recruiter</c>, <c>admin</c>).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The subject; default <c>local-user</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Lifetime in minutes, 1–10080; default 480.</summary>
    public int? Minutes { get; init; }
}
