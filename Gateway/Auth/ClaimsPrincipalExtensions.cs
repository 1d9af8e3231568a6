using System.Security.Claims;

namespace Scheduler.Gateway.Auth;

/// <summary>Reads the tenant and roles from an authenticated caller.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>Returns the caller's tenant.</summary>
    /// <param name="user">The caller.</param>
    /// <returns>The value of the <c>tenant</c> claim.</returns>
    /// <exception cref="InvalidOperationException">The caller has no usable tenant claim (the authorization policies prevent this on <c>/v1</c> routes).</exception>
    public static string GetTenant(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tenant = SingleTenant(user);
        return IsValidTenant(tenant) ? tenant! : throw new InvalidOperationException("The caller has no tenant claim.");
    }

    /// <summary>Whether the caller has a usable tenant claim.</summary>
    /// <param name="user">The caller.</param>
    /// <returns><see langword="true"/> when the caller has exactly one <c>tenant</c> claim (a token whose claim is an array has several) and it is a valid tenant.</returns>
    public static bool HasTenant(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsValidTenant(SingleTenant(user));
    }

    /// <summary>Whether the caller holds <paramref name="role"/>, from the <c>roles</c> claims or the space-separated <c>scope</c>/<c>scp</c> claims.</summary>
    /// <param name="user">The caller.</param>
    /// <param name="role">The role name (case-sensitive).</param>
    /// <returns><see langword="true"/> when granted.</returns>
    public static bool HasSchedulerRole(this ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.Claims)
        {
            if (claim.Type == SchedulerClaims.Roles && claim.Value == role)
            {
                return true;
            }

            if (claim.Type is SchedulerClaims.Scope or SchedulerClaims.Scp
                && claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of the caller's only <c>tenant</c> claim; <see langword="null"/> when there is none or more than one.</summary>
    private static string? SingleTenant(ClaimsPrincipal user)
    {
        string? tenant = null;
        foreach (var claim in user.FindAll(SchedulerClaims.Tenant))
        {
            if (tenant is not null)
            {
                return null;
            }

            tenant = claim.Value;
        }

        return tenant;
    }

    /// <summary>Checks what a token or a local sign-in grants: a usable tenant (<see cref="IsValidTenant"/>) and roles of <see cref="SchedulerRoles.All"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="roles">The roles.</param>
    /// <exception cref="ArgumentException">The tenant is not usable (parameter <c>tenant</c>), or a role is unknown (parameter <c>roles</c>).</exception>
    public static void ThrowIfInvalidGrant(string? tenant, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!IsValidTenant(tenant))
        {
            throw new ArgumentException("A tenant is 1–64 characters without '/' or white space.", nameof(tenant));
        }

        if (roles.FirstOrDefault(role => !SchedulerRoles.All.Contains(role, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"Unknown role '{unknown}' (ats, recruiter, admin).", nameof(roles));
        }
    }

    /// <summary>Whether <paramref name="tenant"/> is usable as a tenant: 1–64 characters, no <c>/</c>, no white space.</summary>
    /// <param name="tenant">The candidate value.</param>
    /// <returns><see langword="true"/> when usable.</returns>
    public static bool IsValidTenant(string? tenant) =>
        !string.IsNullOrEmpty(tenant) && tenant.Length <= 64 && !tenant.Contains('/') && !tenant.Any(char.IsWhiteSpace);
}
