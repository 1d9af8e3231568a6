using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Runtime.Membership;

/// <summary>
/// The JSON form of a <see cref="MembershipEntry"/> that durable membership tables store (UTF-16
/// string, camelCase, status as its name, times as ISO 8601 with offset, so they round-trip exactly).
/// </summary>
public static class MembershipEntrySerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serializes an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>Its JSON.</returns>
    public static string Serialize(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JsonSerializer.Serialize(entry, Options);
    }

    /// <summary>Deserializes an entry written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="JsonException">The text is not an entry.</exception>
    public static MembershipEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<MembershipEntry>(json, Options) ?? throw new JsonException("A membership entry was null.");
}
