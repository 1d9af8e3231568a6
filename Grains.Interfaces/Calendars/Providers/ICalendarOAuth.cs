using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// A calendar provider's OAuth 2.0 flow as the API's consent routes use it: the authorization-code grant with PKCE
/// (RFC 6749 §4.1, RFC 7636, verifiers from <see cref="Pkce"/>) and, where the provider has them, app-only
/// credentials (RFC 6749 §4.4). Every call the provider refuses throws <see cref="CalendarProviderException"/>.
/// </summary>
public interface ICalendarOAuth
{
    /// <summary>Whether a client id, secret and redirect URI are configured (the consent flow).</summary>
    bool Configured { get; }

    /// <summary>Whether the provider can connect an account with the app's own credentials (<see cref="AppOnlyAsync"/>) and a client id and secret are configured.</summary>
    bool CanConnectAppOnly { get; }

    /// <summary>
    /// Builds the consent URL: <c>response_type=code</c>, the client id, redirect URI and scopes, <paramref name="state"/>,
    /// the S256 PKCE challenge of <paramref name="codeVerifier"/>, and the provider's own parameters.
    /// </summary>
    /// <param name="state">The opaque state echoed to the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier (RFC 7636 §4.1: 43–128 unreserved characters).</param>
    /// <param name="loginHint">The account to sign in as, used where the provider takes a hint; may be <see langword="null"/>.</param>
    /// <returns>The absolute URL to send the user to.</returns>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    Uri ConsentUrl(string state, string codeVerifier, string? loginHint = null);

    /// <summary>Exchanges an authorization code for tokens (<c>grant_type=authorization_code</c>).</summary>
    /// <param name="code">The code from the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier whose challenge was in the consent URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="CalendarProviderException">The provider refused (e.g. 400 <c>invalid_grant</c>).</exception>
    /// <exception cref="InvalidOperationException">The client is not configured.</exception>
    Task<CalendarCredentials> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken);

    /// <summary>Gets a token for the app itself (client credentials, RFC 6749 §4.4), where <see cref="CanConnectAppOnly"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="CalendarProviderException">The provider refused.</exception>
    /// <exception cref="NotSupportedException">The provider has no app-only credentials.</exception>
    Task<CalendarCredentials> AppOnlyAsync(CancellationToken cancellationToken);
}
