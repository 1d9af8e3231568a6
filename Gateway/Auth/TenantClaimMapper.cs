using System.Security.Claims;

namespace Scheduler.Gateway.Auth;

/// <summary>Copies a provider's tenant claim (<c>Auth:TenantClaim</c>) to the <c>tenant</c> claim the policies read, for bearer tokens and single sign-on alike.</summary>
public static class TenantClaimMapper
{
    /// <summary>Adds a <c>tenant</c> claim for every value of <paramref name="tenantClaim"/>, unless the principal already has one.</summary>
    /// <param name="principal">The authenticated principal; ignored when <see langword="null"/> or without a claims identity.</param>
    /// <param name="tenantClaim">The provider's claim type.</param>
    public static void Map(ClaimsPrincipal? principal, string tenantClaim)
    {
        if (tenantClaim == SchedulerClaims.Tenant || principal?.Identity is not ClaimsIdentity identity || principal.HasClaim(c => c.Type == SchedulerClaims.Tenant))
        {
            return;
        }

        // Every value is copied: a claim holding an array then counts as several tenants, which no policy accepts.
        foreach (var value in principal.FindAll(tenantClaim).Select(c => c.Value).ToList())
        {
            identity.AddClaim(new Claim(SchedulerClaims.Tenant, value));
        }
    }
}
