using System.Text.Json;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Reads Google's error bodies (<see cref="ProviderErrorBody"/>): the JSON API shape
/// <c>{"error":{"code","message","errors":[{"domain","reason"}]}}</c> and the OAuth shape
/// <c>{"error":"invalid_grant","error_description"}</c> (RFC 6749 §5.2).
/// </summary>
internal static class GoogleErrors
{
    /// <summary>The reason codes of Google's quota errors, which a 403 carries and which are retried with backoff (Calendar API "Handle API errors").</summary>
    public static readonly IReadOnlySet<string> QuotaReasons = new HashSet<string>(StringComparer.Ordinal) { "rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded" };

    /// <summary>Returns the first reason code of an error body (else its <c>status</c>), or <see langword="null"/> when there is none or the body is not JSON.</summary>
    /// <param name="body">The body text.</param>
    /// <returns>The reason.</returns>
    public static string? Reason(string? body) => ProviderErrorBody.Code(body, error =>
        error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
        && errors[0].TryGetProperty("reason", out var reason)
            ? reason.GetString()
            : error.TryGetProperty("status", out var status) ? status.GetString() : null);
}
