namespace Scheduler.Gateway.OAuth;

/// <summary>The answer of <c>GET /v1/oauth/{provider}/start</c>.</summary>
/// <param name="AuthorizationUrl">The provider's consent URL to send the account owner to.</param>
/// <param name="ExpiresAt">Until when the consent can be completed (UTC).</param>
public sealed record OAuthStartResponse(Uri AuthorizationUrl, DateTimeOffset ExpiresAt);
