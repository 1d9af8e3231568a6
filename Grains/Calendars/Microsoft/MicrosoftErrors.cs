namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Reads Microsoft's error bodies (<see cref="ProviderErrorBody"/>): Graph's <c>{"error":{"code","message"}}</c> and
/// the identity platform's OAuth shape <c>{"error":"invalid_grant","error_description"}</c> (RFC 6749 §5.2).
/// </summary>
internal static class MicrosoftErrors
{
    /// <summary>Returns the error code of a body, or <see langword="null"/> when there is none or the body is not JSON.</summary>
    /// <param name="body">The body text.</param>
    /// <returns>The code.</returns>
    public static string? Code(string? body) =>
        ProviderErrorBody.Code(body, error => error.TryGetProperty("code", out var code) ? code.GetString() : null);
}
