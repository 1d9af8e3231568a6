namespace Scheduler.Gateway.OAuth;

/// <summary>The answer of <c>GET /v1/oauth/google/start</c>.</summary>
/// <param name="AuthorizationUrl">Google's consent URL to send the account owner to.</param>
/// <param name="ExpiresAt">Until when the consent can be completed (UTC).</param>
public sealed record OAuthStartResponse(Uri AuthorizationUrl, DateTimeOffset ExpiresAt);
