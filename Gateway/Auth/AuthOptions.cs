using System.ComponentModel.DataAnnotations;

namespace Scheduler.Gateway.Auth;

/// <summary>
/// Bearer-token settings (configuration section <c>Auth</c>). Either <see cref="SigningKey"/>
/// (HS256 tokens, e.g. minted by the <c>token</c> command) or <see cref="Authority"/> (RS256 tokens
/// of an OpenID Connect provider, keys from its metadata) must be set outside Development.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Auth";

    /// <summary>The default issuer of HS256 tokens.</summary>
    public const string DefaultIssuer = "scheduler";

    /// <summary>The default audience.</summary>
    public const string DefaultAudience = "scheduler-api";

    /// <summary>The least length of <see cref="SigningKey"/> in UTF-8 bytes (256 bits, as HS256 requires).</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The HS256 key as text; its UTF-8 bytes are the key, at least <see cref="MinimumSigningKeyBytes"/> of them.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The issuer HS256 tokens carry and are checked for. Default <c>scheduler</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>The audience every token must carry. Default <c>scheduler-api</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>An OpenID Connect authority (e.g. an Okta or Entra ID issuer URL); when set, tokens are validated against its published keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS. Default <see langword="true"/>.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that names the tenant. Default <c>tenant</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TenantClaim { get; set; } = SchedulerClaims.Tenant;

    /// <summary>How long minted tokens live, in minutes, 1–10080 (a week). Default 480 (8 hours).</summary>
    [Range(1, 10080)]
    public int TokenLifetimeMinutes { get; set; } = 480;
}
