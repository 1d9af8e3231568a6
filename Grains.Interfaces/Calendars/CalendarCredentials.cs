namespace Scheduler.Grains;

/// <summary>
/// OAuth 2.0 credentials of a calendar account (RFC 6749 §5.1). Stored encrypted by the account
/// grain; never returned by it.
/// </summary>
/// <param name="AccessToken">The bearer access token.</param>
/// <param name="RefreshToken">The refresh token; <see langword="null"/> when the provider issued none (the account then needs a new consent once the access token expires).</param>
/// <param name="ExpiresAt">When the access token expires (UTC).</param>
public sealed record CalendarCredentials(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    /// <summary>The granted scopes, space-separated as the provider sent them; may be <see langword="null"/>.</summary>
    public string? Scope { get; init; }
}
