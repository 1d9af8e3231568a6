namespace Scheduler.Gateway.Auth;

/// <summary>A minted token.</summary>
/// <param name="Token">The compact JWT to send as <c>Authorization: Bearer</c>.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);
