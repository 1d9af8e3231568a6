using System.Globalization;

namespace Scheduler.Runtime.Storage;

/// <summary>
/// Grain storage in process memory, with the same optimistic contract as the durable providers.
/// For tests; data is lost when the process ends.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<(GrainId, string), GrainStateRecord> _records = [];
    private readonly Lock _lock = new();
    private long _nextETag;

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.TryGetValue((grainId, stateName), out var record) ? record : null);
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedETag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Check(grainId, stateName, expectedETag);
            var etag = (++_nextETag).ToString(CultureInfo.InvariantCulture);
            _records[(grainId, stateName)] = new GrainStateRecord(payload.ToArray(), etag);
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Check(grainId, stateName, expectedETag);
            _records.Remove((grainId, stateName));
            return Task.CompletedTask;
        }
    }

    private void Check(GrainId grainId, string stateName, string? expectedETag)
    {
        var stored = _records.TryGetValue((grainId, stateName), out var record) ? record.ETag : null;
        if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"State '{stateName}' of {grainId} has version {stored ?? "(none)"}, not {expectedETag ?? "(none)"}.", stored, expectedETag);
        }
    }
}
