using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Gateway.Common;

/// <summary>Reads instants as RFC 3339 strings with a mandatory offset and writes them in UTC with <c>Z</c>.</summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The value is not an RFC 3339 date-time string with <c>Z</c> or an offset.</exception>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !Rfc3339.TryParse(reader.GetString(), out var value))
        {
            throw new JsonException(Rfc3339.Expected);
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Rfc3339.Format(value));
    }
}
