using System.Text.Json;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// Reads the error code of a provider's error body <c>{"error": …}</c>: the OAuth shape every provider's token endpoint
/// answers (<c>{"error":"invalid_grant","error_description"}</c>, RFC 6749 §5.2), or the provider's own API error object.
/// </summary>
internal static class ProviderErrorBody
{
    /// <summary>Returns the error code of a body, or <see langword="null"/> when there is none or the body is not a JSON object.</summary>
    /// <param name="body">The body text; may be <see langword="null"/> or empty.</param>
    /// <param name="fromApiError">Reads the code of the provider's API error, the value of <c>error</c> when it is an object.</param>
    /// <returns>The code.</returns>
    public static string? Code(string? body, Func<JsonElement, string?> fromApiError)
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
                JsonValueKind.Object => fromApiError(error),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
