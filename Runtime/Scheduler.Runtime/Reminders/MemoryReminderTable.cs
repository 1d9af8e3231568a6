using System.Globalization;

namespace Scheduler.Runtime.Reminders;

/// <summary>
/// A reminder table in process memory, for tests. Same contract as the durable tables. Rows are also
/// kept ordered by grain hash, so a ranged read visits only the rows of its range.
/// </summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId, string), ReminderEntry> _rows = [];
    private readonly SortedSet<HashKey> _byHash = new(HashKey.Comparer);
    private readonly Lock _lock = new();
    private long _nextETag;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = new List<ReminderEntry>();
            if (beginHash == endHash)
            {
                rows.AddRange(_rows.Values);
            }
            else if (beginHash < endHash)
            {
                AddSpan(rows, beginHash + 1, endHash);
            }
            else
            {
                if (beginHash < uint.MaxValue)
                {
                    AddSpan(rows, beginHash + 1, uint.MaxValue);
                }

                AddSpan(rows, 0, endHash);
            }

            return Task.FromResult<IReadOnlyList<ReminderEntry>>(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> rows = _rows.Values.Where(r => r.GrainId == grainId).OrderBy(r => r.ReminderName, StringComparer.Ordinal).ToList();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
        }
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var etag = NextETag();
            _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
            _byHash.Add(HashKey.Of(entry.GrainId, entry.ReminderName));
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue((grainId, reminderName), out var row) || row.ETag != expectedETag)
            {
                return Task.FromResult<string?>(null);
            }

            var etag = NextETag();
            _rows[(grainId, reminderName)] = row with { NextDue = nextDue, ETag = etag };
            return Task.FromResult<string?>(etag);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue((grainId, reminderName), out var row) || (expectedETag is not null && row.ETag != expectedETag))
            {
                return Task.FromResult(false);
            }

            _rows.Remove((grainId, reminderName));
            _byHash.Remove(HashKey.Of(grainId, reminderName));
            return Task.FromResult(true);
        }
    }

    private string NextETag() => (++_nextETag).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds the rows whose hash lies in [<paramref name="from"/>, <paramref name="to"/>] (both inclusive).</summary>
    private void AddSpan(List<ReminderEntry> rows, uint from, uint to)
    {
        foreach (var key in _byHash.GetViewBetween(HashKey.Below(from), HashKey.Above(to)))
        {
            rows.Add(_rows[(key.GrainId, key.ReminderName)]);
        }
    }

    /// <summary>A row's position in hash order; <see cref="Position"/> −1 and 1 are probes that sort before and after every row of their hash.</summary>
    private readonly record struct HashKey(uint Hash, int Position, GrainId GrainId, string ReminderName)
    {
        public static IComparer<HashKey> Comparer { get; } = Comparer<HashKey>.Create(static (x, y) =>
        {
            var order = x.Hash.CompareTo(y.Hash);
            if (order == 0)
            {
                order = x.Position.CompareTo(y.Position);
            }

            if (order == 0 && x.Position == 0)
            {
                order = string.CompareOrdinal(x.GrainId.Type, y.GrainId.Type);
                order = order != 0 ? order : string.CompareOrdinal(x.GrainId.Key, y.GrainId.Key);
                order = order != 0 ? order : string.CompareOrdinal(x.ReminderName, y.ReminderName);
            }

            return order;
        });

        public static HashKey Of(GrainId grainId, string reminderName) => new(grainId.GetUniformHashCode(), 0, grainId, reminderName);

        public static HashKey Below(uint hash) => new(hash, -1, default, string.Empty);

        public static HashKey Above(uint hash) => new(hash, 1, default, string.Empty);
    }
}
