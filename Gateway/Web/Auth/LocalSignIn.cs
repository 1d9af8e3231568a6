using System.Security.Claims;
using Scheduler.Gateway.Hosting;

namespace Scheduler.Gateway.Web.Auth;

/// <summary>
/// The local sign-in of the web app: a person picks a tenant and roles, and gets the same claims a bearer token carries
/// (<c>sub</c>, <c>tenant</c>, <c>roles</c>), so the same policies judge them. Only in the Development environment or with
/// <c>--demo</c> (<c>Scheduler:Demo=true</c>); the page answers 404 elsewhere.
/// </summary>
public static class LocalSignIn
{
    /// <summary>Whether local sign-in is offered.</summary>
    /// <param name="environment">The host environment.</param>
    /// <param name="configuration">The configuration (reads <c>Scheduler:Demo</c>).</param>
    /// <returns><see langword="true"/> in Development or with the demo tenant loaded.</returns>
    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        return environment.IsDevelopment() || configuration.GetValue<bool>($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.Demo)}");
    }

    /// <summary>Builds the signed-in person's principal, checked by the rules of minted tokens.</summary>
    /// <param name="tenant">The tenant: 1–64 characters without <c>/</c> or white space.</param>
    /// <param name="roles">The roles, each one of <see cref="SchedulerRoles.All"/>; may be empty (such a person may read nothing).</param>
    /// <param name="subject">The person's name, 1–100 characters.</param>
    /// <returns>The principal of the <see cref="WebSchemes.Cookie"/> scheme.</returns>
    /// <exception cref="ArgumentException">The tenant, a role or the subject is invalid (the parameter names the field).</exception>
    public static ClaimsPrincipal CreatePrincipal(string tenant, IReadOnlyCollection<string> roles, string subject)
    {
        ClaimsPrincipalExtensions.ThrowIfInvalidGrant(tenant, roles);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 100)
        {
            throw new ArgumentException("A name is 1–100 characters.", nameof(subject));
        }

        var claims = new List<Claim> { new(SchedulerClaims.Subject, subject.Trim()), new(SchedulerClaims.Tenant, tenant) };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(role => new Claim(SchedulerClaims.Roles, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "local", SchedulerClaims.Subject, SchedulerClaims.Roles));
    }
}
