using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Google's OAuth 2.0 authorization-code flow for web server applications (RFC 6749 §4.1, with
/// PKCE, RFC 7636): the consent URL, the code exchange and the refresh grant (RFC 6749 §6), posted
/// as <c>application/x-www-form-urlencoded</c> to <see cref="GoogleOptions.TokenUrl"/>.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Client id, secret, redirect URI, URLs, scopes.</param>
/// <param name="time">The clock (token expiry).</param>
public sealed class GoogleOAuthClient(GoogleHttp http, IOptions<GoogleOptions> options, TimeProvider time)
{
    /// <summary>Whether a client id, secret and redirect URI are configured.</summary>
    public bool Configured => options.Value is { ClientId.Length: > 0, ClientSecret.Length: > 0, RedirectUri: not null };

    /// <summary>
    /// Builds the consent URL: <c>response_type=code</c>, offline access (so a refresh token is
    /// issued), <c>prompt=consent</c>, the scopes, <paramref name="state"/>, and the S256 PKCE
    /// challenge of <paramref name="codeVerifier"/>.
    /// </summary>
    /// <param name="state">The opaque state echoed to the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier (RFC 7636 §4.1: 43–128 unreserved characters).</param>
    /// <returns>The absolute URL to send the user to.</returns>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    public Uri ConsentUrl(string state, string codeVerifier)
    {
        var o = Require();
        var challenge = Pkce.Challenge(codeVerifier);
        var query = string.Join('&', new[]
        {
            ("response_type", "code"),
            ("client_id", o.ClientId!),
            ("redirect_uri", o.RedirectUri!.AbsoluteUri),
            ("scope", o.Scopes),
            ("access_type", "offline"),
            ("prompt", "consent"),
            ("include_granted_scopes", "true"),
            ("state", state),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        }.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
        return new Uri(o.AuthUrl.AbsoluteUri + (o.AuthUrl.Query.Length > 0 ? "&" : "?") + query);
    }

    /// <summary>Exchanges an authorization code for tokens (<c>grant_type=authorization_code</c>).</summary>
    /// <param name="code">The code from the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier whose challenge was in the consent URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="CalendarProviderException">Google refused (e.g. 400 <c>invalid_grant</c>).</exception>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    public Task<CalendarCredentials> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken)
    {
        var o = Require();
        return TokenAsync(
            "token.authorization_code",
            [("grant_type", "authorization_code"), ("code", code), ("code_verifier", codeVerifier), ("redirect_uri", o.RedirectUri!.AbsoluteUri)],
            null,
            cancellationToken);
    }

    /// <summary>Gets a new access token with the refresh token (<c>grant_type=refresh_token</c>); the refresh token is kept when Google sends none.</summary>
    /// <param name="credentials">The current credentials, with a refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new credentials.</returns>
    /// <exception cref="CalendarProviderException">Google refused (400 <c>invalid_grant</c>: revoked or expired refresh token; 401 when there is no refresh token).</exception>
    public Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.RefreshToken is null)
        {
            throw new CalendarProviderException("token.refresh_token", HttpStatusCode.Unauthorized, "no_refresh_token");
        }

        Require();
        return TokenAsync("token.refresh_token", [("grant_type", "refresh_token"), ("refresh_token", credentials.RefreshToken)], credentials.RefreshToken, cancellationToken);
    }

    private async Task<CalendarCredentials> TokenAsync(string operation, (string, string)[] fields, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var form = fields.Concat([("client_id", o.ClientId!), ("client_secret", o.ClientSecret!)])
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToArray();
        var (_, body) = await http.SendAsync(operation, new HttpRequestMessage(HttpMethod.Post, o.TokenUrl) { Content = new FormUrlEncodedContent(form) }, null, cancellationToken);
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

    private GoogleOptions Require() => Configured
        ? options.Value
        : throw new InvalidOperationException("Google OAuth needs Google:ClientId, Google:ClientSecret and Google:RedirectUri.");
}
