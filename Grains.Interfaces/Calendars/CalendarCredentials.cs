namespace Scheduler.Grains.Calendars;

/// <summary>
/// OAuth 2.0 credentials of a calendar account (RFC 6749 §5.1). Stored encrypted by the account
/// grain; never returned by it.
/// </summary>
/// <param name="AccessToken">The bearer access token.</param>
/// <param name="RefreshToken">The refresh token; <see langword="null"/> when the provider issued none (the account then needs a new consent once the access token expires).</param>
/// <param name="ExpiresAt">When the access token expires (UTC).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarCredentials")]
public sealed record CalendarCredentials([property: Id(0)] string AccessToken, [property: Id(1)] string? RefreshToken, [property: Id(2)] DateTimeOffset ExpiresAt)
{
    /// <summary>The granted scopes, space-separated as the provider sent them; may be <see langword="null"/>.</summary>
    [Id(3)]
    public string? Scope { get; init; }
}
