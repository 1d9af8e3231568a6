using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scheduler.Cluster.Tests;

/// <summary>HS256 tokens with the gateway's default issuer and audience, as an identity provider would issue them.</summary>
public static class TestTokens
{
    /// <summary>A token for <paramref name="tenant"/> with <paramref name="roles"/>, valid for an hour.</summary>
    public static string Mint(string tenant, params string[] roles)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "scheduler",
            Audience = "scheduler-api",
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "chaos-test", ["tenant"] = tenant, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ClusterGatewayFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
