using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scheduler.Gateway.Tests;

/// <summary>Mints tokens the way an identity provider would, independently of the gateway's own issuer; the tenant may be a string, an array of strings (a malformed claim) or null (none).</summary>
public static class Tokens
{
    public static string Mint(
        object? tenant,
        IReadOnlyList<string> roles,
        string key = GatewayFactory.SigningKey,
        string issuer = "scheduler",
        string audience = "scheduler-api",
        DateTime? expires = null,
        string? scope = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "test-user" };
        if (tenant is not null)
        {
            claims["tenant"] = tenant;
        }

        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        var expiry = expires ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
