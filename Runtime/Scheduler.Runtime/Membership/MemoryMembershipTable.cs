using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>
/// A membership table in process memory, shared by the silos of one process (tests, and the
/// single embedded silo). Same contract as the durable tables; every operation holds one lock,
/// so checks and writes are atomic.
/// </summary>
public sealed class MemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, MembershipRow> _rows = new(StringComparer.Ordinal);
    private readonly string _clusterId;
    private TableVersion _version = TableVersion.Initial;

    /// <summary>Creates an empty table for cluster <paramref name="clusterId"/>.</summary>
    /// <param name="clusterId">The cluster id this table holds.</param>
    public MemoryMembershipTable(string clusterId = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipTableSnapshot([.. _rows.Values], _version));
        }
    }

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<MembershipRow> rows = _rows.TryGetValue(MembershipEntry.KeyOf(silo), out var row) ? [row] : [];
            return Task.FromResult(new MembershipTableSnapshot(rows, _version));
        }
    }

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
        {
            var key = MembershipEntry.KeyOf(entry.Silo);
            if (!IsNextVersion(version) || _rows.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            _rows[key] = new MembershipRow(entry, MembershipETag.Format(MembershipETag.New()));
            Advance(version);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
        {
            var key = MembershipEntry.KeyOf(entry.Silo);
            if (!IsNextVersion(version) || !_rows.TryGetValue(key, out var row) || row.ETag != etag)
            {
                return Task.FromResult(false);
            }

            var iAmAlive = row.Entry.IAmAliveTime > entry.IAmAliveTime ? row.Entry.IAmAliveTime : entry.IAmAliveTime;
            _rows[key] = new MembershipRow(entry with { IAmAliveTime = iAmAlive }, MembershipETag.Format(MembershipETag.New()));
            Advance(version);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = MembershipEntry.KeyOf(silo);
            if (_rows.TryGetValue(key, out var row) && iAmAliveTime > row.Entry.IAmAliveTime)
            {
                _rows[key] = row with { Entry = row.Entry with { IAmAliveTime = iAmAliveTime } };
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var defunct = _rows.Where(r => r.Value.Entry.Status == SiloMembershipStatus.Dead && r.Value.Entry.LastAlive < before).Select(r => r.Key).ToList();
            foreach (var key in defunct)
            {
                _rows.Remove(key);
            }

            if (defunct.Count > 0)
            {
                Advance(_version.Next());
            }

            return Task.FromResult(defunct.Count);
        }
    }

    /// <inheritdoc />
    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        lock (_lock)
        {
            if (clusterId == _clusterId)
            {
                _rows.Clear();
                _version = TableVersion.Initial;
            }

            return Task.CompletedTask;
        }
    }

    private bool IsNextVersion(TableVersion version) => version.ETag == _version.ETag && version.Version == _version.Version + 1;

    private void Advance(TableVersion version) => _version = new TableVersion(version.Version, MembershipETag.Format(MembershipETag.New()));
}
