using System.Text.Json;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Reads Microsoft's error bodies: Graph's <c>{"error":{"code","message"}}</c> and the identity
/// platform's OAuth shape <c>{"error":"invalid_grant","error_description"}</c> (RFC 6749 §5.2).
/// </summary>
internal static class MicrosoftErrors
{
    /// <summary>Returns the error code of a body, or <see langword="null"/> when there is none or the body is not JSON.</summary>
    /// <param name="body">The body text.</param>
    /// <returns>The code.</returns>
    public static string? Code(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error))
            {
                return null;
            }

            return error.ValueKind switch
            {
                JsonValueKind.String => error.GetString(),
                JsonValueKind.Object when error.TryGetProperty("code", out var code) => code.GetString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
