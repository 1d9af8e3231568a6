using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scheduler.Gateway.Auth;

/// <summary>Mints HS256 tokens signed with the configured key (for local use, the <c>token</c> command and <c>POST /dev/token</c>).</summary>
/// <param name="keyText">The HS256 key text (at least 32 UTF-8 bytes).</param>
/// <param name="issuer">The <c>iss</c> claim.</param>
/// <param name="audience">The <c>aud</c> claim.</param>
/// <param name="time">The clock.</param>
public sealed class TokenIssuer(string keyText, string issuer, string audience, TimeProvider time)
{
    private readonly SigningCredentials _credentials = new(SigningKeys.ToSecurityKey(keyText), SecurityAlgorithms.HmacSha256);

    /// <summary>Mints a token.</summary>
    /// <param name="tenant">The tenant claim; 1–64 characters without <c>/</c> or white space.</param>
    /// <param name="roles">The roles (<c>ats</c>, <c>recruiter</c>, <c>admin</c>).</param>
    /// <param name="subject">The subject claim.</param>
    /// <param name="lifetime">How long the token lives; 1 minute to 7 days.</param>
    /// <returns>The compact JWT and its expiry (UTC).</returns>
    /// <exception cref="ArgumentException">The tenant or a role is invalid, or the lifetime is out of range.</exception>
    public (string Token, DateTimeOffset ExpiresAt) Mint(string tenant, IReadOnlyList<string> roles, string subject, TimeSpan lifetime)
    {
        ClaimsPrincipalExtensions.ThrowIfInvalidGrant(tenant, roles);
        if (lifetime < TimeSpan.FromMinutes(1) || lifetime > TimeSpan.FromDays(7))
        {
            throw new ArgumentException("The lifetime must be between 1 minute and 7 days.", nameof(lifetime));
        }

        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [SchedulerClaims.Subject] = subject,
                [SchedulerClaims.Tenant] = tenant,
                [SchedulerClaims.Roles] = roles.Distinct(StringComparer.Ordinal).ToArray(),
            },
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
