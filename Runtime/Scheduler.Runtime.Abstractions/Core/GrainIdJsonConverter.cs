using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Runtime;

/// <summary>Serializes a <see cref="GrainId"/> as its canonical text form <c>{type}/{key}</c>.</summary>
public sealed class GrainIdJsonConverter : JsonConverter<GrainId>
{
    /// <inheritdoc />
    public override GrainId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A grain id must be a string.");
        try
        {
            return GrainId.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GrainId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
