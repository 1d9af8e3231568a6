using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>
/// This silo's part in cluster membership. It joins (row inserted as
/// <see cref="SiloMembershipStatus.Joining"/>, then <see cref="SiloMembershipStatus.Active"/>),
/// writes an IAmAlive heartbeat every <see cref="MembershipOptions.IAmAlivePeriod"/>, reads the
/// table every <see cref="MembershipOptions.TableRefreshPeriod"/> to keep the
/// <see cref="IClusterMembershipView"/> current, and declares dead every other silo whose last
/// sign of life is older than <see cref="MembershipOptions.DeathThreshold"/>. That declaration is
/// an ETag- and version-guarded update, so when several silos notice at once exactly one writes
/// it. Graceful leave: <see cref="SiloMembershipStatus.ShuttingDown"/>, then
/// <see cref="SiloMembershipStatus.Dead"/>. A silo that reads its own row as dead, or that has not
/// managed to write a heartbeat for longer than the death threshold (so the others may already
/// have declared it dead without it being able to read that), raises <see cref="DeclaredDead"/>,
/// stops its heartbeats and never writes its row again.
/// </summary>
/// <remarks>Timers run on the injected <see cref="TimeProvider"/>. <see cref="Dispose"/> stops them without writing anything, which is what a crash looks like to the others.</remarks>
public sealed class MembershipAgent : IClusterMembershipView, IDisposable
{
    private readonly IMembershipTable _table;
    private readonly LocalSilo _local;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipAgent> _log;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _lock = new();
    private ClusterMembershipSnapshot _current = ClusterMembershipSnapshot.Empty;
    private ITimer? _heartbeatTimer;
    private ITimer? _refreshTimer;
    private int _heartbeating;
    private DateTimeOffset _lastCleanup;
    private DateTimeOffset _lastHeartbeat;
    private bool _declaredDead;
    private bool _left;
    private bool _abandoned;

    /// <summary>Creates the agent; nothing is written until <see cref="JoinAsync"/>.</summary>
    /// <param name="table">The membership table.</param>
    /// <param name="local">This silo's identity.</param>
    /// <param name="options">The timings.</param>
    /// <param name="time">The clock (heartbeat times, timers).</param>
    /// <param name="log">The logger.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period or the threshold is not positive.</exception>
    public MembershipAgent(IMembershipTable table, LocalSilo local, IOptions<MembershipOptions> options, TimeProvider time, ILogger<MembershipAgent> log)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.IAmAlivePeriod, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.TableRefreshPeriod, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.DeathThreshold, TimeSpan.Zero, nameof(options));
        _table = table;
        _local = local;
        _time = time;
        _log = log;
        _lastCleanup = time.GetUtcNow();
    }

    /// <inheritdoc />
    public event EventHandler<ClusterMembershipSnapshot>? Changed;

    /// <summary>Raised once when this silo reads its own row as <see cref="SiloMembershipStatus.Dead"/> while it did not leave: another silo declared it dead, and it must stop serving.</summary>
    public event EventHandler? DeclaredDead;

    /// <summary>This silo's address.</summary>
    public SiloAddress Self => _local.Address;

    /// <inheritdoc />
    public ClusterMembershipSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Whether the cluster declared this silo dead.</summary>
    public bool IsDeclaredDead
    {
        get
        {
            lock (_lock)
            {
                return _declaredDead;
            }
        }
    }

    /// <summary>
    /// Inserts this silo's row as <see cref="SiloMembershipStatus.Joining"/> (and first marks older
    /// generations of the same silo name that are not dead as dead: they are earlier runs of this
    /// silo that did not leave), then starts the heartbeat.
    /// </summary>
    /// <param name="cancellationToken">Cancels joining.</param>
    /// <returns>A task that completes when the row is written.</returns>
    /// <exception cref="InvalidOperationException">Every attempt lost a race with another change (<see cref="MembershipOptions.MaxWriteAttempts"/>).</exception>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var entry = new MembershipEntry(Self, SiloMembershipStatus.Joining, _local.HostName, _local.SiloPort, 0, now, now, []);
        for (var attempt = 0; attempt < _options.MaxWriteAttempts; attempt++)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var previous = snapshot.Rows.FirstOrDefault(r =>
                r.Entry.Silo.Name == Self.Name && r.Entry.Silo.Generation < Self.Generation && r.Entry.Status != SiloMembershipStatus.Dead);
            if (previous is not null)
            {
                await _table.UpdateRowAsync(previous.Entry with { Status = SiloMembershipStatus.Dead }, previous.ETag, snapshot.Version.Next(), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await _table.InsertRowAsync(entry, snapshot.Version.Next(), cancellationToken).ConfigureAwait(false))
            {
                _log.MembershipStatusWritten(MembershipEntry.KeyOf(Self), SiloMembershipStatus.Joining, snapshot.Version.Version + 1);
                lock (_lock)
                {
                    _lastHeartbeat = now;
                    _heartbeatTimer = _time.CreateTimer(static s => ((MembershipAgent)s!).OnHeartbeatTimer(), this, _options.IAmAlivePeriod, _options.IAmAlivePeriod);
                }

                return;
            }
        }

        throw new InvalidOperationException($"Silo {MembershipEntry.KeyOf(Self)} could not join the membership table in {_options.MaxWriteAttempts} attempts.");
    }

    /// <summary>Marks this silo <see cref="SiloMembershipStatus.Active"/>, reads the view, and starts the periodic refresh.</summary>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the row says Active and the view includes it.</returns>
    /// <exception cref="InvalidOperationException">This silo has no row (call <see cref="JoinAsync"/> first), was declared dead meanwhile, or every attempt lost a race.</exception>
    public async Task BecomeActiveAsync(CancellationToken cancellationToken)
    {
        if (!await ChangeOwnStatusAsync(SiloMembershipStatus.Active, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Silo {MembershipEntry.KeyOf(Self)} was declared dead before it became active.");
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _refreshTimer = _time.CreateTimer(static s => ((MembershipAgent)s!).OnRefreshTimer(), this, _options.TableRefreshPeriod, _options.TableRefreshPeriod);
        }
    }

    /// <summary>Marks this silo <see cref="SiloMembershipStatus.ShuttingDown"/> (it stops being a placement target); heartbeats continue until <see cref="CompleteLeaveAsync"/>. Does nothing when the silo was declared dead.</summary>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the row is written.</returns>
    public Task BeginLeaveAsync(CancellationToken cancellationToken) => ChangeOwnStatusAsync(SiloMembershipStatus.ShuttingDown, cancellationToken);

    /// <summary>Marks this silo <see cref="SiloMembershipStatus.Dead"/> and stops the timers: the end of a graceful stop.</summary>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the row is written.</returns>
    public async Task CompleteLeaveAsync(CancellationToken cancellationToken)
    {
        StopTimers();
        await ChangeOwnStatusAsync(SiloMembershipStatus.Dead, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _left = true;
        }
    }

    /// <summary>
    /// Reads the table once: declares dead every other silo whose last sign of life is older than
    /// <see cref="MembershipOptions.DeathThreshold"/> (one guarded write each; a lost race means
    /// another silo wrote first and the table is read again), notices whether this silo was
    /// declared dead, removes defunct rows when due, and publishes the view.
    /// </summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The view published.</returns>
    public async Task<ClusterMembershipSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < _options.MaxWriteAttempts; attempt++)
            {
                var now = _time.GetUtcNow();
                var stale = snapshot.Rows.FirstOrDefault(r =>
                    r.Entry.Silo != Self
                    && r.Entry.Status != SiloMembershipStatus.Dead
                    && now - r.Entry.LastAlive > _options.DeathThreshold);
                if (stale is null)
                {
                    break;
                }

                if (await _table.UpdateRowAsync(stale.Entry with { Status = SiloMembershipStatus.Dead }, stale.ETag, snapshot.Version.Next(), cancellationToken).ConfigureAwait(false))
                {
                    _log.DeclaredSiloDead(MembershipEntry.KeyOf(stale.Entry.Silo), stale.Entry.LastAlive, _options.DeathThreshold);
                }

                snapshot = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            }

            var own = snapshot.Find(Self);
            if (own?.Entry.Status == SiloMembershipStatus.Dead)
            {
                OnDeclaredDead();
            }

            await CleanupIfDueAsync(cancellationToken).ConfigureAwait(false);
            return Publish(snapshot);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Stops the timers without writing anything (a crash, as the rest of the cluster sees it).</summary>
    public void Dispose() => StopTimers();

    /// <summary>Stops heartbeats and refreshes and refuses every later write of this silo's row, so a following stop leaves the row as it is: the cluster finds out by the stale heartbeat, as after a crash (test clusters kill silos this way).</summary>
    internal void Abandon()
    {
        lock (_lock)
        {
            _abandoned = true;
        }

        StopTimers();
    }

    private async Task<bool> ChangeOwnStatusAsync(SiloMembershipStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < _options.MaxWriteAttempts; attempt++)
        {
            lock (_lock)
            {
                if (_declaredDead || _abandoned)
                {
                    return false;
                }
            }

            var snapshot = await _table.ReadRowAsync(Self, cancellationToken).ConfigureAwait(false);
            var row = snapshot.Find(Self) ?? throw new InvalidOperationException($"Silo {MembershipEntry.KeyOf(Self)} has no membership row.");
            if (row.Entry.Status == SiloMembershipStatus.Dead)
            {
                OnDeclaredDead();
                return false;
            }

            var entry = row.Entry with { Status = status, IAmAliveTime = _time.GetUtcNow() };
            if (await _table.UpdateRowAsync(entry, row.ETag, snapshot.Version.Next(), cancellationToken).ConfigureAwait(false))
            {
                _log.MembershipStatusWritten(MembershipEntry.KeyOf(Self), status, snapshot.Version.Version + 1);
                return true;
            }
        }

        throw new InvalidOperationException($"Silo {MembershipEntry.KeyOf(Self)} could not write status {status} in {_options.MaxWriteAttempts} attempts.");
    }

    private ClusterMembershipSnapshot Publish(MembershipTableSnapshot snapshot)
    {
        var view = ClusterMembershipSnapshot.From(snapshot);
        var previous = Interlocked.Exchange(ref _current, view);
        if (previous.Version != view.Version || ReferenceEquals(previous, ClusterMembershipSnapshot.Empty))
        {
            _log.MembershipViewChanged(view.Version, view.ActiveSilos.Count);
            Changed?.Invoke(this, view);
        }

        return view;
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _lastCleanup < _options.DefunctSiloCleanupPeriod)
        {
            return;
        }

        _lastCleanup = now;
        var removed = await _table.CleanupDefunctEntriesAsync(now - _options.DefunctSiloRetention, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            _log.DefunctRowsRemoved(removed);
        }
    }

    private void OnDeclaredDead()
    {
        lock (_lock)
        {
            if (_declaredDead || _left)
            {
                return;
            }

            _declaredDead = true;
        }

        StopTimers();
        _log.DeclaredDeadSelf(MembershipEntry.KeyOf(Self));
        DeclaredDead?.Invoke(this, EventArgs.Empty);
    }

    private void StopTimers()
    {
        lock (_lock)
        {
            _heartbeatTimer?.Dispose();
            _refreshTimer?.Dispose();
            _heartbeatTimer = null;
            _refreshTimer = null;
        }
    }

    private void OnHeartbeatTimer()
    {
        if (Interlocked.Exchange(ref _heartbeating, 1) == 1)
        {
            return;
        }

        _ = HeartbeatAsync();
    }

    private async Task HeartbeatAsync()
    {
        var now = _time.GetUtcNow();
        try
        {
            await _table.UpdateIAmAliveAsync(Self, now, CancellationToken.None).ConfigureAwait(false);
            lock (_lock)
            {
                if (now > _lastHeartbeat)
                {
                    _lastHeartbeat = now;
                }
            }
        }
        catch (Exception exception)
        {
            _log.MembershipOperationFailed(exception, "heartbeat");
            DateTimeOffset last;
            lock (_lock)
            {
                last = _lastHeartbeat;
            }

            if (now - last > _options.DeathThreshold)
            {
                // The others stop seeing this silo after the same threshold: assume it is declared dead.
                OnDeclaredDead();
            }
        }
        finally
        {
            Volatile.Write(ref _heartbeating, 0);
        }
    }

    private void OnRefreshTimer()
    {
        if (_refreshGate.CurrentCount == 0)
        {
            return;
        }

        _ = RefreshFromTimerAsync();
    }

    private async Task RefreshFromTimerAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a tick was starting.
        }
        catch (Exception exception)
        {
            _log.MembershipOperationFailed(exception, "refresh");
        }
    }
}
