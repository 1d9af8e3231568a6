using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Reminders;

/// <summary>
/// Delivers durable reminders. At start it loads every reminder the silo serves from the
/// <see cref="IReminderTable"/> and keeps them in a due-time priority queue driven by one timer
/// of the silo's <see cref="TimeProvider"/>. A tick is delivered by calling
/// <see cref="IRemindable.ReceiveReminder"/> on the grain (activating it if needed); only after
/// the call succeeds is the stored next due time advanced (or a one-shot reminder removed), so a
/// crash between the two delivers the tick again: at-least-once. Failed deliveries are retried
/// with exponential backoff. Ticks that came due while no silo ran fire right after start.
/// In a cluster a silo delivers only the reminders of grains it owns in its membership view
/// (<see cref="GrainPlacement"/>). It re-reads the table when the view changes while more than one
/// silo is (or was) active, and every <see cref="SiloOptions.ReminderRefreshPeriod"/> while more
/// than one is, so it picks up reminders registered on other silos and those of silos that left or
/// died. A silo that was always alone delivers everything and never re-reads.
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
    private ITimer? _timer;
    private ITimer? _refreshTimer;
    private int _reloading;
    private int _lastActiveCount = 1;
    private bool _stopped;

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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rows = await _table.ReadRangeAsync(0, 0, cancellationToken);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _timer = _time.CreateTimer(static s => ((ReminderService)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            foreach (var row in rows)
            {
                ScheduleLocked(row, row.NextDue);
            }
        }

        _log.RemindersLoaded(rows.Count, rows.Count(r => r.NextDue <= now));
        _view.Changed += OnViewChanged;
        lock (_lock)
        {
            _refreshTimer = _time.CreateTimer(static s => ((ReminderService)s!).OnRefreshTimer(), this, _options.ReminderRefreshPeriod, _options.ReminderRefreshPeriod);
        }

        ArmTimer();
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
            ScheduleLocked(entry, due);
        }

        ArmTimer();
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
            if (_scheduled.Remove((grainId, reminderName), out var scheduled))
            {
                scheduled.Cancelled = true;
            }
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _refreshTimer?.Dispose();
    }

    /// <summary>Reads every reminder and schedules those of grains this silo owns that it does not have yet.</summary>
    internal async Task ReloadOwnedAsync(CancellationToken cancellationToken)
    {
        var rows = await _table.ReadRangeAsync(0, 0, cancellationToken);
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            foreach (var row in rows)
            {
                if (!_scheduled.ContainsKey((row.GrainId, row.ReminderName)) && _placement.IsLocal(row.GrainId))
                {
                    ScheduleLocked(row, row.NextDue);
                }
            }
        }

        ArmTimer();
    }

    private void OnViewChanged(object? sender, ClusterMembershipSnapshot view)
    {
        // Also when the cluster shrinks to this silo alone: it now owns the grains of those that left.
        var previous = Interlocked.Exchange(ref _lastActiveCount, view.ActiveSilos.Count);
        if (view.ActiveSilos.Count > 1 || previous > 1)
        {
            StartReload();
        }
    }

    private void OnRefreshTimer()
    {
        if (_view.Current.ActiveSilos.Count > 1)
        {
            StartReload();
        }
    }

    private void StartReload()
    {
        if (Interlocked.Exchange(ref _reloading, 1) == 1)
        {
            return;
        }

        _ = ReloadFromEventAsync();
    }

    private async Task ReloadFromEventAsync()
    {
        try
        {
            await ReloadOwnedAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            _log.MembershipOperationFailed(exception, "reminder reload");
        }
        finally
        {
            Volatile.Write(ref _reloading, 0);
        }
    }

    private void ScheduleLocked(ReminderEntry entry, DateTimeOffset dueAt)
    {
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

            while (_queue.TryPeek(out var head, out _) && head.Cancelled)
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

            while (_queue.TryPeek(out var head, out var dueAt) && (head.Cancelled || dueAt <= now))
            {
                _queue.Dequeue();
                if (head.Cancelled)
                {
                    continue;
                }

                if (!_placement.IsLocal(head.Entry.GrainId))
                {
                    // Another active silo owns this grain and delivers its reminders; drop it here.
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
            var delay = TimeSpan.FromTicks(Math.Min(
                _options.ReminderRetryMaxDelay.Ticks,
                _options.ReminderRetryMinDelay.Ticks * (1L << Math.Min(scheduled.Attempt - 1, 20))));
            _log.ReminderDeliveryFailed(exception, entry.ReminderName, entry.GrainId, scheduled.Attempt, delay);
            lock (_lock)
            {
                if (!scheduled.Cancelled && !_stopped)
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
            await _table.RemoveAsync(entry.GrainId, entry.ReminderName, entry.ETag, CancellationToken.None);
            lock (_lock)
            {
                if (_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var current) && ReferenceEquals(current, scheduled))
                {
                    _scheduled.Remove((entry.GrainId, entry.ReminderName));
                }
            }

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
                if (scheduled.Cancelled)
                {
                    return;
                }

                if (stored is null)
                {
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
                if (!scheduled.Cancelled)
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

        public bool Cancelled { get; set; }
    }
}
