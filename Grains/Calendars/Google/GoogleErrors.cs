using System.Text.Json;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Reads Google's error bodies: the JSON API shape <c>{"error":{"code","message","errors":[{"domain","reason"}]}}</c>
/// and the OAuth shape <c>{"error":"invalid_grant","error_description"}</c> (RFC 6749 §5.2).
/// </summary>
internal static class GoogleErrors
{
    /// <summary>The reason codes of Google's quota errors, which a 403 carries and which are retried with backoff (Calendar API "Handle API errors").</summary>
    public static readonly IReadOnlySet<string> QuotaReasons = new HashSet<string>(StringComparer.Ordinal) { "rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded" };

    /// <summary>Returns the first reason code of an error body, or <see langword="null"/> when there is none or the body is not JSON.</summary>
    /// <param name="body">The body text.</param>
    /// <returns>The reason.</returns>
    public static string? Reason(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error))
            {
                return null;
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("reason", out var reason))
            {
                return reason.GetString();
            }

            return error.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
