using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace Scheduler.Gateway.Web.Board;

/// <summary>
/// The board snapshots of the gateway, shared by every open board: one per tenant, query and index version, so boards that
/// show the same thing while the index stands still cost one read of the shards together, and concurrent readers of a
/// snapshot not yet read wait for the one read under way. Because the key holds the version, a snapshot is never served
/// for a later version; a snapshot unused for <see cref="Unused"/> is dropped, and a read that failed is dropped at once.
/// </summary>
public sealed class BoardSnapshotCache : IDisposable
{
    /// <summary>How long a snapshot no board asked for stays in memory.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _snapshots;
    private readonly Lock _gate = new();

    /// <summary>Creates the cache.</summary>
    /// <param name="time">The clock that ages unused snapshots.</param>
    public BoardSnapshotCache(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _snapshots = new MemoryCache(new MemoryCacheOptions { Clock = new ClockOf(time) });
    }

    /// <summary>The snapshot of <paramref name="key"/>: the one already read or being read, else the one <paramref name="read"/> reads.</summary>
    /// <param name="key">The tenant, the page's query and the index version read before <paramref name="read"/> runs.</param>
    /// <param name="read">Reads the snapshot; called at most once per key while its snapshot is kept.</param>
    /// <returns>The snapshot.</returns>
    public Task<BoardSnapshot> GetOrReadAsync(BoardSnapshotKey key, Func<Task<BoardSnapshot>> read)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(read);
        Lazy<Task<BoardSnapshot>>? entry;
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(key, out entry) || entry is null)
            {
                entry = new Lazy<Task<BoardSnapshot>>(read);
                _snapshots.Set(key, entry, new MemoryCacheEntryOptions { SlidingExpiration = Unused });
            }
        }

        return AwaitAsync(key, entry);
    }

    /// <inheritdoc />
    public void Dispose() => _snapshots.Dispose();

    private async Task<BoardSnapshot> AwaitAsync(BoardSnapshotKey key, Lazy<Task<BoardSnapshot>> entry)
    {
        try
        {
            return await entry.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (_snapshots.TryGetValue(key, out Lazy<Task<BoardSnapshot>>? current) && ReferenceEquals(current, entry))
                {
                    _snapshots.Remove(key);
                }
            }

            throw;
        }
    }

    private sealed class ClockOf(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
