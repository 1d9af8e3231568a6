namespace Scheduler.Grains.Imports;

/// <summary>Keeps the record of one batch import (<see cref="IBatchImportGrain"/>).</summary>
[GrainType("batchimport")]
public sealed class BatchImportGrain : Grain, IBatchImportGrain
{
    private readonly IPersistentState<BatchImportState> _state;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    public BatchImportGrain([PersistentState("batchImport")] IPersistentState<BatchImportState> state) => _state = state;

    /// <inheritdoc />
    public async Task<BatchImportView> Start(string fileName, int rows, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fileName.Length, BatchImportLimits.MaxFileNameLength, nameof(fileName));
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, BatchImportLimits.MaxRows);
        if (_state.State.Import is { } started)
        {
            return started;
        }

        _state.State.Import = new BatchImportView(fileName, rows, at.ToUniversalTime(), null, []);
        await _state.WriteStateAsync();
        return _state.State.Import;
    }

    /// <inheritdoc />
    public async Task<BatchImportView> Complete(IReadOnlyList<BatchImportItem> items, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(items);
        var started = _state.State.Import ?? throw new InvalidOperationException("The import was never started.");
        if (items.Count != started.Rows)
        {
            throw new ArgumentException($"The import has {started.Rows} rows; {items.Count} items were given.", nameof(items));
        }

        _state.State.Import = started with { CompletedAt = at.ToUniversalTime(), Items = [.. items] };
        await _state.WriteStateAsync();
        return _state.State.Import;
    }

    /// <inheritdoc />
    public Task<BatchImportView?> Get() => Task.FromResult(_state.State.Import);
}
