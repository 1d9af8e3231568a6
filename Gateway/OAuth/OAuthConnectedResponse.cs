namespace Scheduler.Gateway.OAuth;

/// <summary>The answer of <c>GET /v1/oauth/{provider}/callback</c> (and of an app-only <c>/start</c>) once the account is connected.</summary>
/// <param name="Provider">The provider: <c>google</c>, <c>microsoft</c>.</param>
/// <param name="AccountId">The connected account id.</param>
/// <param name="ParticipantId">The participant whose calendar entry now reads it; <see langword="null"/> when none was named.</param>
/// <param name="AccessTokenExpiresAt">When the stored access token expires (UTC); it is refreshed by itself.</param>
public sealed record OAuthConnectedResponse(string Provider, string AccountId, string? ParticipantId, DateTimeOffset? AccessTokenExpiresAt);
