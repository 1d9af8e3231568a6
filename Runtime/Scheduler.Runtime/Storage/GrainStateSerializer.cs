using System.Text.Json;

namespace Scheduler.Runtime.Storage;

/// <summary>Serializes grain state to UTF-8 JSON. The options can be extended with <c>SiloBuilder.ConfigureStateSerializer</c>.</summary>
public sealed class GrainStateSerializer
{
    /// <summary>Creates a serializer.</summary>
    /// <param name="options">The JSON options; frozen on first use.</param>
    public GrainStateSerializer(JsonSerializerOptions options) => Options = options;

    /// <summary>The JSON options used for every grain state.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Serializes a state object.</summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="state">The state.</param>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>Deserializes a state object.</summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="payload">UTF-8 JSON.</param>
    /// <returns>The state.</returns>
    /// <exception cref="JsonException">The payload is not valid JSON for <typeparamref name="T"/>.</exception>
    public T Deserialize<T>(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new JsonException($"Stored state deserialized to null for {typeof(T).Name}.");
}
