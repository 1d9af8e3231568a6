using Microsoft.Kiota.Abstractions.Authentication;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Gives the Graph SDK the access token the account grain holds (the grain refreshes it, so the SDK
/// never asks the identity platform itself). The token is only handed out for URLs under the
/// configured Graph base URL's host.
/// </summary>
/// <param name="accessToken">The bearer token.</param>
/// <param name="graphHost">The host the token may be sent to.</param>
internal sealed class GraphAccessToken(string accessToken, string graphHost) : IAccessTokenProvider
{
    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

    /// <inheritdoc />
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? accessToken : string.Empty);
}
