using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Google;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The Microsoft identity platform's OAuth 2.0 grants (v2.0 endpoints): the delegated
/// authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636) and its refresh (RFC 6749 §6), and
/// app-only client credentials (RFC 6749 §4.4, scope <c>https://graph.microsoft.com/.default</c>),
/// posted as <c>application/x-www-form-urlencoded</c> to <see cref="MicrosoftOptions.TokenEndpoint"/>.
/// App-only credentials carry no refresh token; <see cref="RefreshAsync"/> asks a new app token instead.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Client id, secret, tenant, redirect URI, URLs, scopes.</param>
/// <param name="time">The clock (token expiry).</param>
public sealed class MicrosoftOAuthClient(MicrosoftHttp http, IOptions<MicrosoftOptions> options, TimeProvider time)
{
    /// <summary>The scope of app-only tokens: every application permission granted to the app on Graph.</summary>
    public const string AppOnlyScope = "https://graph.microsoft.com/.default";

    /// <summary>Whether a client id and secret are configured (enough for app-only tokens and refresh).</summary>
    public bool HasClient => options.Value is { ClientId.Length: > 0, ClientSecret.Length: > 0 };

    /// <summary>Whether a client id, secret and redirect URI are configured (the delegated consent flow).</summary>
    public bool Configured => HasClient && options.Value.RedirectUri is not null;

    /// <summary>Builds the consent URL: <c>response_type=code</c>, <c>response_mode=query</c>, the scopes, <paramref name="state"/> and the S256 PKCE challenge.</summary>
    /// <param name="state">The opaque state echoed to the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier (RFC 7636 §4.1: 43–128 unreserved characters).</param>
    /// <param name="loginHint">The mailbox to sign in as; may be <see langword="null"/>.</param>
    /// <returns>The absolute URL to send the user to.</returns>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    public Uri ConsentUrl(string state, string codeVerifier, string? loginHint)
    {
        var o = Require();
        List<(string, string)> query =
        [
            ("client_id", o.ClientId!),
            ("response_type", "code"),
            ("redirect_uri", o.RedirectUri!.AbsoluteUri),
            ("response_mode", "query"),
            ("scope", o.Scopes),
            ("state", state),
            ("code_challenge", Pkce.Challenge(codeVerifier)),
            ("code_challenge_method", "S256"),
        ];
        if (!string.IsNullOrEmpty(loginHint))
        {
            query.Add(("login_hint", loginHint));
        }

        return new Uri(o.AuthorizeEndpoint.AbsoluteUri + "?" + string.Join('&', query.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2))));
    }

    /// <summary>Exchanges an authorization code for delegated tokens (<c>grant_type=authorization_code</c>).</summary>
    /// <param name="code">The code from the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier whose challenge was in the consent URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="CalendarProviderException">The identity platform refused (e.g. 400 <c>invalid_grant</c>).</exception>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    public Task<CalendarCredentials> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken)
    {
        var o = Require();
        return TokenAsync(
            "token.authorization_code",
            [("grant_type", "authorization_code"), ("code", code), ("code_verifier", codeVerifier), ("redirect_uri", o.RedirectUri!.AbsoluteUri), ("scope", o.Scopes)],
            null,
            cancellationToken);
    }

    /// <summary>Gets an app-only token (<c>grant_type=client_credentials</c>, scope <see cref="AppOnlyScope"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials, without refresh token, <see cref="CalendarCredentials.Scope"/> = <see cref="AppOnlyScope"/>.</returns>
    /// <exception cref="CalendarProviderException">The identity platform refused (e.g. 401 <c>invalid_client</c>).</exception>
    /// <exception cref="InvalidOperationException">No client id and secret are configured.</exception>
    public async Task<CalendarCredentials> AppOnlyAsync(CancellationToken cancellationToken)
    {
        if (!HasClient)
        {
            throw new InvalidOperationException("Microsoft app-only tokens need Microsoft:ClientId and Microsoft:ClientSecret.");
        }

        var credentials = await TokenAsync("token.client_credentials", [("grant_type", "client_credentials"), ("scope", AppOnlyScope)], null, cancellationToken);
        return credentials with { RefreshToken = null, Scope = AppOnlyScope };
    }

    /// <summary>
    /// Renews credentials: with a refresh token, <c>grant_type=refresh_token</c> (the identity
    /// platform rotates refresh tokens; the old one is kept when none is sent); app-only credentials
    /// (scope <see cref="AppOnlyScope"/>) get a new app token.
    /// </summary>
    /// <param name="credentials">The current credentials.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new credentials.</returns>
    /// <exception cref="CalendarProviderException">Refused (400 <c>invalid_grant</c>: revoked or expired refresh token; 401 <c>no_refresh_token</c> for delegated credentials without one).</exception>
    public Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.RefreshToken is null)
        {
            return credentials.Scope == AppOnlyScope && HasClient
                ? AppOnlyAsync(cancellationToken)
                : throw new CalendarProviderException("token.refresh_token", HttpStatusCode.Unauthorized, "no_refresh_token");
        }

        if (!HasClient)
        {
            throw new CalendarProviderException("token.refresh_token", HttpStatusCode.Unauthorized, "no_client");
        }

        return TokenAsync(
            "token.refresh_token",
            [("grant_type", "refresh_token"), ("refresh_token", credentials.RefreshToken), ("scope", options.Value.Scopes)],
            credentials.RefreshToken,
            cancellationToken);
    }

    private async Task<CalendarCredentials> TokenAsync(string operation, (string, string)[] fields, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var form = fields.Concat([("client_id", o.ClientId!), ("client_secret", o.ClientSecret!)])
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToArray();
        var body = await http.SendAsync(operation, new HttpRequestMessage(HttpMethod.Post, o.TokenEndpoint) { Content = new FormUrlEncodedContent(form) }, cancellationToken);
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

    private MicrosoftOptions Require() => Configured
        ? options.Value
        : throw new InvalidOperationException("Microsoft OAuth needs Microsoft:ClientId, Microsoft:ClientSecret and Microsoft:RedirectUri.");
}
