namespace Scheduler.Grains.Imports;

/// <summary>Keeps the record of one batch import (<see cref="IBatchImportGrain"/>).</summary>
/// <param name="state">The durable state.</param>
[GrainType("batchimport")]
public sealed class BatchImportGrain([PersistentState("batchImport")] IPersistentState<BatchImportState> state) : Grain, IBatchImportGrain
{
    /// <inheritdoc />
    public async Task<BatchImportView> Start(string fileName, int rows, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fileName.Length, BatchImportLimits.MaxFileNameLength, nameof(fileName));
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, BatchImportLimits.MaxRows);
        if (state.State.Import is { } started)
        {
            return started;
        }

        state.State.Import = new BatchImportView(fileName, rows, at.ToUniversalTime(), null, []);
        await state.WriteStateAsync();
        return state.State.Import;
    }

    /// <inheritdoc />
    public async Task<BatchImportView> Complete(IReadOnlyList<BatchImportItem> items, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(items);
        var started = state.State.Import ?? throw new InvalidOperationException("The import was never started.");
        if (items.Count != started.Rows)
        {
            throw new ArgumentException($"The import has {started.Rows} rows; {items.Count} items were given.", nameof(items));
        }

        state.State.Import = started with { CompletedAt = at.ToUniversalTime(), Items = [.. items] };
        await state.WriteStateAsync();
        return state.State.Import;
    }

    /// <inheritdoc />
    public Task<BatchImportView?> Get() => Task.FromResult(state.State.Import);
}
