namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The Microsoft identity platform's OAuth 2.0 grants (v2.0 endpoints, <see cref="OAuthClient"/>): the delegated
/// authorization-code flow (<c>response_mode=query</c>, the mailbox as <c>login_hint</c>, the scopes sent again with
/// each grant, refresh tokens rotated), and app-only client credentials (RFC 6749 §4.4, scope
/// <see cref="AppOnlyScope"/>), which carry no refresh token and are renewed with a new app token.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Client id, secret, tenant, redirect URI, URLs, scopes.</param>
/// <param name="time">The clock (token expiry).</param>
public sealed class MicrosoftOAuthClient(MicrosoftHttp http, IOptions<MicrosoftOptions> options, TimeProvider time) : OAuthClient(http, options, time)
{
    /// <summary>The scope of app-only tokens: every application permission granted to the app on Graph.</summary>
    public const string AppOnlyScope = "https://graph.microsoft.com/.default";

    /// <inheritdoc />
    public override bool CanConnectAppOnly => Options.HasClient;

    /// <inheritdoc />
    protected override string? GrantScope => Options.Scopes;

    /// <summary>Gets an app-only token (<c>grant_type=client_credentials</c>, scope <see cref="AppOnlyScope"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credentials, without refresh token, <see cref="CalendarCredentials.Scope"/> = <see cref="AppOnlyScope"/>.</returns>
    /// <exception cref="Accounts.CalendarProviderException">The identity platform refused (e.g. 401 <c>invalid_client</c>).</exception>
    /// <exception cref="InvalidOperationException">No client id and secret are configured.</exception>
    public override async Task<CalendarCredentials> AppOnlyAsync(CancellationToken cancellationToken)
    {
        if (!Options.HasClient)
        {
            throw new InvalidOperationException("Microsoft app-only tokens need Microsoft:ClientId and Microsoft:ClientSecret.");
        }

        var credentials = await TokenAsync("token.client_credentials", [("grant_type", "client_credentials"), ("scope", AppOnlyScope)], null, cancellationToken);
        return credentials with { RefreshToken = null, Scope = AppOnlyScope };
    }

    /// <inheritdoc />
    /// <remarks>App-only credentials (scope <see cref="AppOnlyScope"/>, no refresh token) get a new app token.</remarks>
    public override Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials, CancellationToken cancellationToken) =>
        credentials is { RefreshToken: null, Scope: AppOnlyScope } && Options.HasClient
            ? AppOnlyAsync(cancellationToken)
            : base.RefreshAsync(credentials, cancellationToken);

    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Value)> ConsentParameters(string? loginHint) =>
        string.IsNullOrEmpty(loginHint) ? [("response_mode", "query")] : [("response_mode", "query"), ("login_hint", loginHint)];
}
