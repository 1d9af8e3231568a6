using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Scheduler.Testing;

/// <summary>
/// In-memory grain storage for tests that look at what is stored: it keeps the bytes the silo's grain storage
/// serializer produced, checks ETags as every real adapter does, and can fail chosen writes (a store fault).
/// </summary>
public sealed class RecordingGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId Grain, string State), (BinaryData Payload, long Version)> _rows = new();
    private IGrainStorageSerializer? _serializer;

    /// <summary>Decides, for a write of (grain, state name, state), whether it fails with an <see cref="IOException"/> instead.</summary>
    public Func<GrainId, string, object?, bool>? FailWrite { get; set; }

    private IGrainStorageSerializer Serializer => _serializer ?? throw new InvalidOperationException("The storage is not registered with a silo.");

    /// <summary>Registers this storage as the silo's default grain storage.</summary>
    /// <param name="silo">The silo builder.</param>
    public void RegisterAsDefault(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) =>
        {
            _serializer = services.GetRequiredService<IGrainStorageSerializer>();
            return this;
        });
    }

    /// <summary>The stored bytes of a state, or <see langword="null"/> when nothing is stored.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state name (of <c>[PersistentState]</c>).</param>
    /// <returns>The payload.</returns>
    public BinaryData? Payload(GrainId grainId, string stateName) =>
        _rows.TryGetValue((grainId, stateName), out var row) ? row.Payload : null;

    /// <summary>The stored state, deserialized, or <see langword="null"/> when nothing is stored.</summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state name.</param>
    /// <returns>The state.</returns>
    public T? Read<T>(GrainId grainId, string stateName) =>
        Payload(grainId, stateName) is { } payload ? Serializer.Deserialize<T>(payload) : default;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_rows.TryGetValue((grainId, stateName), out var row))
        {
            grainState.State = Serializer.Deserialize<T>(row.Payload);
            grainState.ETag = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (FailWrite?.Invoke(grainId, stateName, grainState.State) == true)
        {
            throw new IOException("Injected storage failure.");
        }

        var payload = Serializer.Serialize(grainState.State);
        var key = (grainId, stateName);
        lock (_rows)
        {
            var current = _rows.TryGetValue(key, out var row) ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}.", current, grainState.ETag);
            }

            var version = row.Version + 1;
            _rows[key] = (payload, version);
            grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_rows)
        {
            var current = _rows.TryGetValue((grainId, stateName), out var row) ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}.", current, grainState.ETag);
            }

            _rows.TryRemove((grainId, stateName), out _);
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }

        return Task.CompletedTask;
    }
}
