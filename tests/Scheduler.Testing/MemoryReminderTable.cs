namespace Scheduler.Testing;

/// <summary>
/// A reminder table in the test process's memory (not a grain, so it answers while a silo stops), with Orleans' range
/// semantics; its upserts can be made to fail (a store fault).
/// </summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> _rows = new();
    private long _etag;
    private volatile bool _failUpserts;

    /// <summary>Every successful upsert, in order (a reminder may be gone from the table again by the time a test looks).</summary>
    public ConcurrentQueue<(GrainId Grain, string Name)> Upserted { get; } = new();

    /// <summary>Whether every <see cref="UpsertRow"/> throws an <see cref="IOException"/> (the store is unreachable).</summary>
    public bool FailUpserts
    {
        get => _failUpserts;
        set => _failUpserts = value;
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(r => r.GrainId == grainId).ToList()));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var range = RangeFactory.CreateRange(begin, end); // Orleans' (begin, end], wrapping when begin >= end
        return Task.FromResult(new ReminderTableData(_rows.Values.Where(r => range.InRange(r.GrainId)).ToList()));
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_failUpserts)
        {
            throw new IOException("The reminder store is unreachable.");
        }

        entry.ETag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        _rows[(entry.GrainId, entry.ReminderName)] = entry;
        Upserted.Enqueue((entry.GrainId, entry.ReminderName));
        return Task.FromResult<string?>(entry.ETag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);
        return Task.FromResult(_rows.TryGetValue(key, out var row) && row.ETag == eTag
            && ((ICollection<KeyValuePair<(GrainId, string), ReminderEntry>>)_rows).Remove(new(key, row)));
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable()
    {
        _rows.Clear();
        return Task.CompletedTask;
    }
}
