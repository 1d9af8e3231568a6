using System.ComponentModel.DataAnnotations;

namespace Scheduler.Gateway.Web.Auth;

/// <summary>
/// Single sign-on for the web app with an OpenID Connect provider (configuration section <c>Web:OpenIdConnect</c>).
/// Off unless <see cref="Authority"/> is set; then <see cref="ClientId"/> is required. The provider's ID token must carry the
/// tenant (the claim named by <c>Auth:TenantClaim</c>) and the roles (<c>roles</c>, or space-separated <c>scope</c>/<c>scp</c>),
/// as the API's bearer tokens do.
/// </summary>
public sealed class OpenIdConnectSignInOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Web:OpenIdConnect";

    /// <summary>The issuer URL of the provider (its metadata is read from <c>/.well-known/openid-configuration</c> under it); <see langword="null"/> turns single sign-on off.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id registered with the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for a confidential client; may be <see langword="null"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for, space-separated. Default <c>openid profile</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Scope { get; set; } = "openid profile";

    /// <summary>Whether the authority must be HTTPS. Default <see langword="true"/>.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The path the provider redirects back to. Default <c>/account/oidc-callback</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^/.*", ErrorMessage = "A path starting with '/'.")]
    public string CallbackPath { get; set; } = "/account/oidc-callback";

    /// <summary>Whether single sign-on is configured.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Authority);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && (RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("An absolute https URL (http only with RequireHttpsMetadata=false).", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Required when Authority is set.", [nameof(ClientId)]);
        }
    }
}
