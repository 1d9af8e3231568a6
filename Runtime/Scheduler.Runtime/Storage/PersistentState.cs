using Scheduler.Runtime.Diagnostics;

namespace Scheduler.Runtime.Storage;

/// <summary>
/// The silo's implementation of <see cref="IPersistentState{TState}"/> over an <see cref="IGrainStorage"/>.
/// A write or clear that fails with <see cref="InconsistentStateException"/> (another activation
/// wrote meanwhile, so this one's state is stale) reports it to the activation, which is then
/// discarded once its running turns end; the exception still reaches the grain and its caller.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IPersistentStateLoader
    where TState : class, new()
{
    private readonly GrainId _grainId;
    private readonly string _stateName;
    private readonly string _storageName;
    private readonly IGrainStorage _storage;
    private readonly GrainStateSerializer _serializer;
    private readonly RuntimeInstrumentation _instrumentation;
    private readonly Action? _onConflict;

    public PersistentState(GrainId grainId, string stateName, string storageName, IGrainStorage storage, GrainStateSerializer serializer, RuntimeInstrumentation instrumentation, Action? onConflict)
    {
        _onConflict = onConflict;
        _grainId = grainId;
        _stateName = stateName;
        _storageName = storageName;
        _storage = storage;
        _serializer = serializer;
        _instrumentation = instrumentation;
    }

    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists => ETag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        using var op = _instrumentation.StartStorageOperation("read", _storageName, _grainId, _stateName);
        var record = await _storage.ReadAsync(_grainId, _stateName, cancellationToken);
        if (record is null)
        {
            State = new TState();
            ETag = null;
        }
        else
        {
            State = _serializer.Deserialize<TState>(record.Payload.Span);
            ETag = record.ETag;
        }

        op.Succeeded();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        using var op = _instrumentation.StartStorageOperation("write", _storageName, _grainId, _stateName);
        var payload = _serializer.Serialize(State);
        try
        {
            ETag = await _storage.WriteAsync(_grainId, _stateName, payload, ETag, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            _onConflict?.Invoke();
            throw;
        }

        op.Succeeded();
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        using var op = _instrumentation.StartStorageOperation("clear", _storageName, _grainId, _stateName);
        try
        {
            await _storage.ClearAsync(_grainId, _stateName, ETag, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            _onConflict?.Invoke();
            throw;
        }

        ETag = null;
        State = new TState();
        op.Succeeded();
    }
}

/// <summary>Lets the activation read every persistent state before <c>OnActivateAsync</c>.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
