using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Reminders;

/// <summary>
/// Delivers durable reminders. A silo serves the reminders of the hash buckets it owns in its
/// membership view (<see cref="ReminderPartition"/>: rendezvous hashing of 256 buckets over the
/// active silos; a silo whose view has no active silo, e.g. a lone embedded one, owns them all) and
/// reads only those ranges from the <see cref="IReminderTable"/>. It keeps them in a due-time
/// priority queue driven by one timer of the silo's <see cref="TimeProvider"/>. A tick is delivered by
/// calling <see cref="IRemindable.ReceiveReminder"/> through the grain factory, so the call goes to
/// the grain's owner (over the silo transport when that is another silo); only after the call
/// succeeds is the stored next due time advanced (or a one-shot reminder removed), so a crash between
/// the two delivers the tick again: at-least-once. Failed deliveries are retried with exponential
/// backoff. Ticks that came due while no silo ran fire right after start.
/// When the view changes the silo drops the reminders of buckets it lost and reads the ranges of the
/// buckets it gained (those of a silo that left or died); while it has peers it also re-reads its
/// ranges every <see cref="SiloOptions.ReminderRefreshPeriod"/>, a safety net for reminders written
/// on other silos. A registration, update or removal is applied at once on the silo that owns the
/// reminder's bucket; written on another silo, that silo tells the owner right away with a one-way
/// <see cref="ReminderChangeNotice"/> over the silo transport, and the owner re-reads that one row and
/// schedules or unschedules it. A lost notice (the owner just died, the views differ) delays the
/// reminder until the owner's next read of its ranges (or the new owner's read of the buckets it
/// gained), never loses it. Without the silo transport (an embedded silo) no notice is sent.
/// Nothing is read before the first membership view (a joining silo would otherwise take the whole
/// ring); a silo that is alone then reads the whole table once.
/// </summary>
internal sealed class ReminderService : IDisposable
{
    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromSeconds(1);

    private readonly IReminderTable _table;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;
    private readonly SiloOptions _options;
    private readonly ILogger<ReminderService> _log;
    private readonly GrainPlacement _placement;
    private readonly IClusterMembershipView _view;
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), Scheduled> _scheduled = [];
    private readonly PriorityQueue<Scheduled, DateTimeOffset> _queue = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly Dictionary<(GrainId, string), long> _removedAt = [];
    private readonly HashSet<(GrainId, string)> _noticesPending = [];
    private readonly Dictionary<(GrainId, string), long> _touchedAt = [];
    private ITimer? _timer;
    private ITimer? _refreshTimer;
    private bool[] _owned = new bool[ReminderPartition.BucketCount];
    private long _sequence;
    private bool _reloadRequested;
    private bool _fullReloadRequested;
    private bool _reloadRunning;
    private bool _noticesRunning;
    private long _noticeSequence;
    private bool _stopped;
    private int _loadLogged;

    public ReminderService(IReminderTable table, TimeProvider time, IServiceProvider services, IOptions<SiloOptions> options, ILogger<ReminderService> log, GrainPlacement placement, IClusterMembershipView view)
    {
        _table = table;
        _time = time;
        _services = services;
        _options = options.Value;
        _log = log;
        _placement = placement;
        _view = view;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Until the first view is read every bucket counts as owned, so registrations are kept;
            // the first view decides which ones this silo serves.
            Array.Fill(_owned, true);
            _timer = _time.CreateTimer(static s => ((ReminderService)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _refreshTimer = _time.CreateTimer(static s => ((ReminderService)s!).OnRefreshTimer(), this, _options.ReminderRefreshPeriod, _options.ReminderRefreshPeriod);
        }

        _view.Changed += OnViewChanged;
        RequestReload(full: true);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] inFlight;
        _view.Changed -= OnViewChanged;
        lock (_lock)
        {
            _stopped = true;
            _timer?.Dispose();
            _refreshTimer?.Dispose();
            inFlight = [.. _inFlight];
        }

        try
        {
            await Task.WhenAll(inFlight).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Undelivered ticks stay due in the table and fire after the next start.
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time cannot be negative.");
        }

        if (period != TimeSpan.Zero && period < MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be zero (one-shot) or at least one second.");
        }

        var due = _time.GetUtcNow() + dueTime;
        var entry = new ReminderEntry(grainId, reminderName, due, period, due, null);
        var etag = await _table.UpsertAsync(entry, cancellationToken);
        entry = entry with { ETag = etag };
        lock (_lock)
        {
            if (_owned[ReminderPartition.BucketOf(grainId)])
            {
                ScheduleLocked(entry, due);
            }
            else if (_scheduled.Remove((grainId, reminderName), out var previous))
            {
                // The bucket's owner schedules the new registration (told below, or at its next read of its ranges).
                previous.Cancelled = true;
            }
        }

        ArmTimer();
        NotifyBucketOwner(grainId, reminderName);
        return entry;
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        await _table.ReadAsync(grainId, reminderName, cancellationToken);

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken) =>
        await _table.ReadGrainAsync(grainId, cancellationToken);

    public async Task UnregisterAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await _table.RemoveAsync(grainId, reminderName, null, cancellationToken);
        lock (_lock)
        {
            MarkRemovedLocked((grainId, reminderName));
            if (_scheduled.Remove((grainId, reminderName), out var scheduled))
            {
                scheduled.Cancelled = true;
            }
        }

        NotifyBucketOwner(grainId, reminderName);
    }

    /// <summary>
    /// Takes a <see cref="ReminderChangeNotice"/>: another silo wrote the row of
    /// (<paramref name="grainId"/>, <paramref name="reminderName"/>). If this silo serves its bucket it
    /// re-reads the row and schedules it (replacing what it had scheduled for that reminder) or, when
    /// the row is gone, unschedules it. Notices are handled one at a time, so the row read last is the
    /// one applied; a notice for a reminder already waiting to be read is merged into that read; a row
    /// whose reminder was scheduled or unscheduled here during its read is read again. A read that fails
    /// is retried with backoff. Returns at once.
    /// </summary>
    /// <param name="grainId">The grain whose reminder changed.</param>
    /// <param name="reminderName">The reminder's name.</param>
    internal void OnChangedElsewhere(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            if (_stopped || !_owned[ReminderPartition.BucketOf(grainId)])
            {
                // Not served here: the bucket's owner reads the row with its ranges.
                return;
            }

            _noticesPending.Add((grainId, reminderName));
            if (_noticesRunning)
            {
                return;
            }

            _noticesRunning = true;
        }

        _ = RunNoticesAsync();
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _refreshTimer?.Dispose();
    }

    /// <summary>
    /// Brings the served buckets up to date with the current view: drops the reminders of buckets this
    /// silo no longer owns, and reads the ranges of the buckets it gained (with <paramref name="full"/>,
    /// of every bucket it owns), scheduling every row it does not have yet.
    /// </summary>
    /// <param name="full">Whether to re-read every owned range rather than only the gained ones.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>A task that completes when the rows read are scheduled.</returns>
    internal async Task ReloadOwnedAsync(bool full, CancellationToken cancellationToken)
    {
        var view = _view.Current;
        if (view.Version == 0)
        {
            // No view read yet (the silo is joining): reading now would take the whole ring. The first
            // view change reads everything this silo then owns.
            lock (_lock)
            {
                _fullReloadRequested |= full;
            }

            return;
        }

        var owned = OwnedBuckets(view);
        var toRead = new bool[ReminderPartition.BucketCount];
        long readStart;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            for (var bucket = 0; bucket < ReminderPartition.BucketCount; bucket++)
            {
                toRead[bucket] = owned[bucket] && (full || !_owned[bucket]);
            }

            _owned = owned;
            DropUnownedLocked();
            readStart = _sequence;
        }

        var rows = toRead.Any(b => b) ? await ReadRangesAsync(ReminderPartition.RangesOf(toRead), cancellationToken) : [];
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            ScheduleReadLocked(rows, readStart);
            PruneRemovedLocked(readStart);
        }

        if (full && Interlocked.Exchange(ref _loadLogged, 1) == 0)
        {
            var now = _time.GetUtcNow();
            _log.RemindersLoaded(rows.Count, rows.Count(r => r.NextDue <= now));
        }

        ArmTimer();
    }

    private bool[] OwnedBuckets(ClusterMembershipSnapshot view) => ReminderPartition.BucketsOf(_placement.Local, view.ActiveSilos);

    private async Task<List<ReminderEntry>> ReadRangesAsync(IReadOnlyList<ReminderRange> ranges, CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntry>();
        foreach (var range in ranges)
        {
            rows.AddRange(await _table.ReadRangeAsync(range.Begin, range.End, cancellationToken));
        }

        return rows;
    }

    /// <summary>Schedules the rows of owned buckets that are not scheduled yet and were not removed here after the read began.</summary>
    private void ScheduleReadLocked(IEnumerable<ReminderEntry> rows, long readStart)
    {
        foreach (var row in rows)
        {
            var key = (row.GrainId, row.ReminderName);
            if (_owned[ReminderPartition.BucketOf(row.GrainId)]
                && !_scheduled.ContainsKey(key)
                && !(_removedAt.TryGetValue(key, out var removedAt) && removedAt > readStart))
            {
                ScheduleLocked(row, row.NextDue);
            }
        }
    }

    private void DropUnownedLocked()
    {
        List<(GrainId, string)>? lost = null;
        foreach (var (key, scheduled) in _scheduled)
        {
            if (!_owned[ReminderPartition.BucketOf(key.Item1)])
            {
                scheduled.Dropped = true;
                (lost ??= []).Add(key);
            }
        }

        foreach (var key in lost ?? [])
        {
            _scheduled.Remove(key);
        }
    }

    /// <summary>Remembers that a reminder was removed (delivered one-shot, unregistered) so a read that began earlier does not bring it back.</summary>
    private void MarkRemovedLocked((GrainId, string) key)
    {
        TouchLocked(key);
        // Only a read in progress can bring a removed row back; reads start only inside the reload loop.
        if (_reloadRunning)
        {
            _removedAt[key] = ++_sequence;
        }
    }

    private void PruneRemovedLocked(long readStart)
    {
        // Reads run one at a time: a removal at or before the start of the read that just finished matters to no later read.
        foreach (var key in _removedAt.Where(r => r.Value <= readStart).Select(r => r.Key).ToList())
        {
            _removedAt.Remove(key);
        }
    }

    /// <summary>Exponential backoff: the minimum retry delay doubled per earlier attempt, capped at the maximum.</summary>
    private TimeSpan RetryDelay(int attempt) => TimeSpan.FromTicks(Math.Min(
        _options.ReminderRetryMaxDelay.Ticks,
        _options.ReminderRetryMinDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));

    private void OnViewChanged(object? sender, ClusterMembershipSnapshot view) => RequestReload(full: false);

    private void OnRefreshTimer()
    {
        if (_view.Current.ActiveSilos.Count > 1)
        {
            RequestReload(full: true);
        }
    }

    private void RequestReload(bool full)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _reloadRequested = true;
            _fullReloadRequested |= full;
            if (_reloadRunning)
            {
                return;
            }

            _reloadRunning = true;
        }

        _ = RunReloadsAsync();
    }

    /// <summary>Runs requested reloads one after another until none is pending, so a view change that arrives during a read is never lost.</summary>
    private async Task RunReloadsAsync()
    {
        await Task.Yield();
        var failures = 0;
        while (true)
        {
            bool full;
            lock (_lock)
            {
                if (!_reloadRequested || _stopped)
                {
                    _reloadRunning = false;
                    _removedAt.Clear();
                    return;
                }

                _reloadRequested = false;
                full = _fullReloadRequested;
                _fullReloadRequested = false;
            }

            try
            {
                await ReloadOwnedAsync(full, CancellationToken.None);
                failures = 0;
            }
            catch (Exception exception)
            {
                // The owned buckets may already be updated without their rows: read them all again, after a backoff.
                _log.MembershipOperationFailed(exception, "reminder reload");
                failures++;
                lock (_lock)
                {
                    _reloadRequested = true;
                    _fullReloadRequested = true;
                }

                await Task.Delay(RetryDelay(failures), _time);
            }
        }
    }

    /// <summary>
    /// Tells the silo that serves the bucket of <paramref name="grainId"/> (in the current view) that
    /// this reminder's row was just written, when that silo is another one and the silo transport is
    /// in use. One-way and best effort: a failure is logged, and the owner's reads of its ranges still
    /// find the row.
    /// </summary>
    private void NotifyBucketOwner(GrainId grainId, string reminderName)
    {
        var active = _view.Current.ActiveSilos;
        if (active.Count == 0)
        {
            return;
        }

        var owner = ReminderPartition.OwnerOf(ReminderPartition.BucketOf(grainId), active);
        if (owner == _placement.Local || _services.GetService<RemoteSiloClient>() is not { } remote)
        {
            return;
        }

        var options = _services.GetRequiredService<GrainCallCodec>().Options;
        var notice = ReminderChangeNotice.Create(grainId, reminderName, _time.GetUtcNow() + _options.CallTimeout, options);
        _ = SendNoticeAsync(remote, owner, notice, grainId, reminderName);
    }

    private async Task SendNoticeAsync(RemoteSiloClient remote, SiloAddress owner, GrainCallEnvelope notice, GrainId grainId, string reminderName)
    {
        try
        {
            var response = await remote.SendAsync(owner, notice, CancellationToken.None).ConfigureAwait(false);
            if (response.ExceptionType is not null)
            {
                throw new InvalidOperationException($"Silo {owner.Name} rejected the notice: {response.ExceptionType}: {response.ExceptionMessage}");
            }
        }
        catch (Exception exception)
        {
            _log.ReminderNoticeFailed(exception, owner.Name, reminderName, grainId);
        }
    }

    /// <summary>Reads and applies the rows named by pending notices, one at a time, until none is pending.</summary>
    private async Task RunNoticesAsync()
    {
        await Task.Yield();
        var failures = 0;
        while (true)
        {
            (GrainId GrainId, string Name) key;
            long readStart;
            lock (_lock)
            {
                if (_stopped || _noticesPending.Count == 0)
                {
                    _noticesRunning = false;
                    _touchedAt.Clear();
                    return;
                }

                key = _noticesPending.First();
                _noticesPending.Remove(key);
                readStart = ++_noticeSequence;
            }

            ReminderEntry? row;
            try
            {
                row = await _table.ReadAsync(key.GrainId, key.Name, CancellationToken.None);
                failures = 0;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = RetryDelay(failures);
                _log.ReminderNoticeReadFailed(exception, key.Name, key.GrainId, failures, delay);
                lock (_lock)
                {
                    _noticesPending.Add(key);
                }

                await Task.Delay(delay, _time);
                continue;
            }

            lock (_lock)
            {
                if (_stopped || !_owned[ReminderPartition.BucketOf(key.GrainId)])
                {
                    // Not served here any more: the new owner reads the row with the buckets it gained.
                    continue;
                }

                if (_touchedAt.TryGetValue(key, out var touchedAt) && touchedAt > readStart)
                {
                    // Scheduled or unscheduled here while the row was read: which is newer is unknown, so read it again.
                    _noticesPending.Add(key);
                    continue;
                }

                if (row is null)
                {
                    MarkRemovedLocked(key);
                    if (_scheduled.Remove(key, out var removed))
                    {
                        removed.Cancelled = true;
                    }
                }
                else if (!(_scheduled.TryGetValue(key, out var current) && current.Entry.ETag == row.ETag))
                {
                    ScheduleLocked(row, row.NextDue);
                }
            }

            ArmTimer();
        }
    }

    /// <summary>Remembers that a reminder was scheduled or unscheduled here while notices are being read, so a row read meanwhile is read again rather than applied over it.</summary>
    private void TouchLocked((GrainId, string) key)
    {
        if (_noticesRunning)
        {
            _touchedAt[key] = ++_noticeSequence;
        }
    }

    private void ScheduleLocked(ReminderEntry entry, DateTimeOffset dueAt)
    {
        TouchLocked((entry.GrainId, entry.ReminderName));
        if (_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var previous))
        {
            previous.Cancelled = true;
        }

        var scheduled = new Scheduled(entry) { DueAt = dueAt };
        _scheduled[(entry.GrainId, entry.ReminderName)] = scheduled;
        _queue.Enqueue(scheduled, dueAt);
    }

    private void ArmTimer()
    {
        lock (_lock)
        {
            if (_stopped || _timer is null)
            {
                return;
            }

            while (_queue.TryPeek(out var head, out _) && !head.IsLive)
            {
                _queue.Dequeue();
            }

            if (_queue.TryPeek(out _, out var due))
            {
                var delay = due - _time.GetUtcNow();
                _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimer()
    {
        var now = _time.GetUtcNow();
        List<Scheduled> due = [];
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            while (_queue.TryPeek(out var head, out var dueAt) && (!head.IsLive || dueAt <= now))
            {
                _queue.Dequeue();
                if (!head.IsLive)
                {
                    continue;
                }

                if (!_owned[ReminderPartition.BucketOf(head.Entry.GrainId)])
                {
                    // Another active silo serves this bucket and delivers its reminders; drop it here.
                    var key = (head.Entry.GrainId, head.Entry.ReminderName);
                    if (_scheduled.TryGetValue(key, out var current) && ReferenceEquals(current, head))
                    {
                        _scheduled.Remove(key);
                    }

                    continue;
                }

                due.Add(head);
            }

            foreach (var scheduled in due)
            {
                var delivery = DeliverAsync(scheduled);
                _inFlight.Add(delivery);
                _ = delivery.ContinueWith(
                    static (t, s) =>
                    {
                        var self = (ReminderService)s!;
                        lock (self._lock)
                        {
                            self._inFlight.Remove(t);
                        }
                    },
                    this,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        ArmTimer();
    }

    private async Task DeliverAsync(Scheduled scheduled)
    {
        await Task.Yield();
        var entry = scheduled.Entry;
        try
        {
            var grain = _services.GetRequiredService<IGrainFactory>().GetGrain<IRemindable>(entry.GrainId);
            await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.FirstDue, entry.Period, entry.NextDue));
            await AdvanceAsync(scheduled);
        }
        catch (Exception exception)
        {
            scheduled.Attempt++;
            var delay = RetryDelay(scheduled.Attempt);
            _log.ReminderDeliveryFailed(exception, entry.ReminderName, entry.GrainId, scheduled.Attempt, delay);
            lock (_lock)
            {
                if (scheduled.IsLive && !_stopped)
                {
                    scheduled.DueAt = _time.GetUtcNow() + delay;
                    _queue.Enqueue(scheduled, scheduled.DueAt);
                }
            }

            ArmTimer();
        }
    }

    private async Task AdvanceAsync(Scheduled scheduled)
    {
        var entry = scheduled.Entry;
        lock (_lock)
        {
            if (scheduled.Cancelled)
            {
                // Re-registered or removed while the tick was delivered: the newer registration stands.
                return;
            }
        }

        if (entry.Period == TimeSpan.Zero)
        {
            var removed = await _table.RemoveAsync(entry.GrainId, entry.ReminderName, entry.ETag, CancellationToken.None);

            // Not removed: the row was registered again (possibly on another silo) since it was read; that registration stands.
            var stored = removed ? null : await _table.ReadAsync(entry.GrainId, entry.ReminderName, CancellationToken.None);
            lock (_lock)
            {
                if (stored is not null)
                {
                    if (scheduled.IsLive)
                    {
                        ScheduleLocked(stored, stored.NextDue);
                    }
                }
                else
                {
                    MarkRemovedLocked((entry.GrainId, entry.ReminderName));
                    if (_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var current) && ReferenceEquals(current, scheduled))
                    {
                        _scheduled.Remove((entry.GrainId, entry.ReminderName));
                    }
                }
            }

            ArmTimer();
            return;
        }

        var now = _time.GetUtcNow();
        var next = entry.NextDue + entry.Period;
        if (next <= now)
        {
            var missed = (now - entry.NextDue).Ticks / entry.Period.Ticks;
            next = entry.NextDue + TimeSpan.FromTicks(entry.Period.Ticks * (missed + 1));
        }

        var etag = await _table.UpdateNextDueAsync(entry.GrainId, entry.ReminderName, next, entry.ETag!, CancellationToken.None);
        if (etag is null)
        {
            var stored = await _table.ReadAsync(entry.GrainId, entry.ReminderName, CancellationToken.None);
            lock (_lock)
            {
                if (!scheduled.IsLive)
                {
                    return;
                }

                if (stored is null)
                {
                    MarkRemovedLocked((entry.GrainId, entry.ReminderName));
                    _scheduled.Remove((entry.GrainId, entry.ReminderName));
                }
                else
                {
                    ScheduleLocked(stored, stored.NextDue);
                }
            }
        }
        else
        {
            lock (_lock)
            {
                if (scheduled.IsLive)
                {
                    ScheduleLocked(entry with { NextDue = next, ETag = etag }, next);
                }
            }
        }

        ArmTimer();
    }

    private sealed class Scheduled(ReminderEntry entry)
    {
        public ReminderEntry Entry { get; } = entry;

        public DateTimeOffset DueAt { get; set; }

        public int Attempt { get; set; }

        /// <summary>Re-registered or removed: the tick must not be advanced.</summary>
        public bool Cancelled { get; set; }

        /// <summary>Its bucket moved to another silo: a tick in flight may still be advanced, but nothing is scheduled here again.</summary>
        public bool Dropped { get; set; }

        public bool IsLive => !Cancelled && !Dropped;
    }
}
