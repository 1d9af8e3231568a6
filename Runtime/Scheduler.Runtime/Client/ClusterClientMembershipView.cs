using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Client;

/// <summary>
/// A cluster client's view of the cluster: it reads the membership table at start and every
/// <see cref="MembershipOptions.TableRefreshPeriod"/>, and publishes the active silos as the
/// placement targets. It never writes the table: a client has no row, so no silo ever places a
/// grain on it, and it never declares a silo dead (the silos do that). A failed read keeps the
/// last view and is retried at the next period.
/// </summary>
public sealed class ClusterClientMembershipView : IClusterMembershipView, IHostedService, IDisposable
{
    private readonly IMembershipTable _table;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterClientMembershipView> _log;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private ClusterMembershipSnapshot _current = ClusterMembershipSnapshot.Empty;
    private ITimer? _timer;

    /// <summary>Creates the view; nothing is read until <see cref="StartAsync"/>.</summary>
    /// <param name="table">The membership table the silos write.</param>
    /// <param name="options">The refresh period (<see cref="MembershipOptions.TableRefreshPeriod"/>).</param>
    /// <param name="time">The clock of the refresh timer.</param>
    /// <param name="log">The logger.</param>
    /// <exception cref="ArgumentOutOfRangeException">The refresh period is not positive.</exception>
    public ClusterClientMembershipView(IMembershipTable table, IOptions<MembershipOptions> options, TimeProvider time, ILogger<ClusterClientMembershipView> log)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.TableRefreshPeriod, TimeSpan.Zero, nameof(options));
        _table = table;
        _time = time;
        _log = log;
    }

    /// <inheritdoc />
    public event EventHandler<ClusterMembershipSnapshot>? Changed;

    /// <inheritdoc />
    public ClusterMembershipSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Reads the table once (a failure is logged and leaves the view empty), then starts the periodic refresh.</summary>
    /// <param name="cancellationToken">Cancels the first read.</param>
    /// <returns>A task that completes after the first read.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRefreshAsync(cancellationToken).ConfigureAwait(false);
        _timer = _time.CreateTimer(static s => _ = ((ClusterClientMembershipView)s!).TryRefreshAsync(CancellationToken.None), this, _options.TableRefreshPeriod, _options.TableRefreshPeriod);
    }

    /// <summary>Stops the periodic refresh.</summary>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Reads the table now and publishes the view.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view published.</returns>
    /// <exception cref="Exception">Whatever the table throws when it cannot be read; the previous view stays.</exception>
    public async Task<ClusterMembershipSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var view = ClusterMembershipSnapshot.From(await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false));
            var previous = Interlocked.Exchange(ref _current, view);
            if (previous.Version != view.Version)
            {
                _log.MembershipViewChanged(view.Version, view.ActiveSilos.Count);
                Changed?.Invoke(this, view);
            }

            return view;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _refreshGate.Dispose();
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _log.ClientMembershipReadFailed(exception);
        }
    }
}
