using System.Globalization;
using System.Net;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// A provider's OAuth 2.0 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636): the consent URL, the code
/// exchange and the refresh grant (RFC 6749 §6), posted as <c>application/x-www-form-urlencoded</c> to
/// <see cref="CalendarProviderOptions.TokenEndpoint"/>. A provider adds its own consent parameters and, when it has
/// them, app-only credentials.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Client id, secret, redirect URI, endpoints, scopes.</param>
/// <param name="time">The clock (token expiry).</param>
public abstract class OAuthClient(ProviderHttp http, IOptions<CalendarProviderOptions> options, TimeProvider time) : ICalendarOAuth
{
    /// <summary>The provider's settings.</summary>
    protected CalendarProviderOptions Options => options.Value;

    /// <inheritdoc />
    public bool Configured => Options.CanConsent;

    /// <inheritdoc />
    public virtual bool CanConnectAppOnly => false;

    /// <summary>The scope sent with the code and refresh grants; <see langword="null"/> sends none (the consent's scopes stay).</summary>
    protected virtual string? GrantScope => null;

    /// <inheritdoc />
    public Uri ConsentUrl(string state, string codeVerifier, string? loginHint = null)
    {
        var o = Require();
        (string, string)[] common =
        [
            ("response_type", "code"),
            ("client_id", o.ClientId!),
            ("redirect_uri", o.RedirectUri!.AbsoluteUri),
            ("scope", o.Scopes),
            ("state", state),
            ("code_challenge", Pkce.Challenge(codeVerifier)),
            ("code_challenge_method", "S256"),
        ];
        var query = string.Join('&', common.Concat(ConsentParameters(loginHint)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
        var endpoint = o.AuthorizeEndpoint;
        return new Uri(endpoint.AbsoluteUri + (endpoint.Query.Length > 0 ? "&" : "?") + query);
    }

    /// <inheritdoc />
    public Task<CalendarCredentials> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync(
            "token.authorization_code",
            Scoped(("grant_type", "authorization_code"), ("code", code), ("code_verifier", codeVerifier), ("redirect_uri", Require().RedirectUri!.AbsoluteUri)),
            null,
            cancellationToken);

    /// <summary>Gets a new access token with the refresh token (<c>grant_type=refresh_token</c>); the refresh token is kept when the provider sends none (a rotated one replaces it).</summary>
    /// <param name="credentials">The current credentials.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new credentials.</returns>
    /// <exception cref="CalendarProviderException">Refused (400 <c>invalid_grant</c>: revoked or expired refresh token; 401 <c>no_refresh_token</c> without one, <c>no_client</c> without a client id and secret).</exception>
    public virtual Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var failure = credentials.RefreshToken is null ? "no_refresh_token" : Options.HasClient ? null : "no_client";
        return failure is not null
            ? throw new CalendarProviderException("token.refresh_token", HttpStatusCode.Unauthorized, failure)
            : TokenAsync("token.refresh_token", Scoped(("grant_type", "refresh_token"), ("refresh_token", credentials.RefreshToken!)), credentials.RefreshToken, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CalendarCredentials> AppOnlyAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Options.Section} has no app-only credentials.");

    /// <summary>The provider's own consent parameters, after the common ones.</summary>
    /// <param name="loginHint">The account to sign in as; may be <see langword="null"/>.</param>
    /// <returns>The parameters.</returns>
    protected abstract IEnumerable<(string Name, string Value)> ConsentParameters(string? loginHint);

    /// <summary>Posts a grant to the token endpoint with the client's id and secret and reads the token response (RFC 6749 §5.1).</summary>
    /// <param name="operation">The operation name, for errors.</param>
    /// <param name="fields">The grant's fields.</param>
    /// <param name="previousRefreshToken">The refresh token kept when the answer has none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials; expiry from <c>expires_in</c> (seconds, 3600 when absent).</returns>
    /// <exception cref="CalendarProviderException">Refused, or no <c>access_token</c> in the answer.</exception>
    protected async Task<CalendarCredentials> TokenAsync(string operation, (string, string)[] fields, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        var o = Options;
        var form = fields.Concat([("client_id", o.ClientId!), ("client_secret", o.ClientSecret!)])
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToArray();
        var (_, body) = await http.SendAsync(operation, new HttpRequestMessage(HttpMethod.Post, o.TokenEndpoint) { Content = new FormUrlEncodedContent(form) }, null, cancellationToken);
        var accessToken = body?["access_token"]?.GetValue<string>();
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new CalendarProviderException(operation, HttpStatusCode.OK, "missing access_token");
        }

        var expiresIn = body!["expires_in"] is { } e ? long.Parse(e.ToString(), CultureInfo.InvariantCulture) : 3600;
        return new CalendarCredentials(accessToken, body["refresh_token"]?.GetValue<string>() ?? previousRefreshToken, time.GetUtcNow().AddSeconds(expiresIn))
        {
            Scope = body["scope"]?.GetValue<string>(),
        };
    }

    private (string, string)[] Scoped(params (string, string)[] fields) => GrantScope is { } scope ? [.. fields, ("scope", scope)] : fields;

    private CalendarProviderOptions Require() => Configured
        ? Options
        : throw new InvalidOperationException($"{Options.Section} OAuth needs {Options.Section}:ClientId, {Options.Section}:ClientSecret and {Options.Section}:RedirectUri.");
}
