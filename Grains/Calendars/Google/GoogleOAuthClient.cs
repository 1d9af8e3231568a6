namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Google's OAuth 2.0 flow for web server applications (<see cref="OAuthClient"/>): the consent asks offline access
/// (so a refresh token is issued), <c>prompt=consent</c> and incremental scopes; the token endpoint is
/// <see cref="GoogleOptions.TokenUrl"/>.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Client id, secret, redirect URI, URLs, scopes.</param>
/// <param name="time">The clock (token expiry).</param>
public sealed class GoogleOAuthClient(GoogleHttp http, IOptions<GoogleOptions> options, TimeProvider time) : OAuthClient(http, options, time)
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Value)> ConsentParameters(string? loginHint) =>
        [("access_type", "offline"), ("prompt", "consent"), ("include_granted_scopes", "true")];
}
