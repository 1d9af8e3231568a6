using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Hosting;

/// <summary>
/// Runs the silo inside the .NET generic host. Start: joins the membership table (Joining), idle
/// collection and the reminder service start, then the silo is Active in the table. Stop
/// (graceful): ShuttingDown in the table, no new activations, reminders stop firing (undelivered
/// ticks stay due in the table), running turns finish, every activation is deactivated, Dead in
/// the table. When the cluster declares this silo dead, it stops serving: its status leaves
/// <see cref="SiloStatus.Active"/> and it asks the host to stop.
/// </summary>
public sealed class SiloHost : IHostedService
{
    private readonly GrainCatalog _catalog;
    private readonly ReminderService _reminders;
    private readonly CallTimeoutTracker _timeouts;
    private readonly MembershipAgent _membership;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly SiloOptions _options;
    private readonly ILogger<SiloHost> _log;

    internal SiloHost(GrainCatalog catalog, ReminderService reminders, CallTimeoutTracker timeouts, MembershipAgent membership, IHostApplicationLifetime? lifetime, IOptions<SiloOptions> options, ILogger<SiloHost> log)
    {
        _catalog = catalog;
        _reminders = reminders;
        _timeouts = timeouts;
        _membership = membership;
        _lifetime = lifetime;
        _membership.DeclaredDead += OnDeclaredDead;
        _options = options.Value;
        _log = log;
    }

    /// <summary>The silo's current lifecycle status.</summary>
    public SiloStatus Status { get; private set; } = SiloStatus.Created;

    /// <summary>The number of activations in this silo.</summary>
    public int ActivationCount => _catalog.Count;

    /// <summary>Starts the silo.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the silo serves calls.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Status = SiloStatus.Starting;
        await _membership.JoinAsync(cancellationToken);
        _catalog.Start();
        await _reminders.StartAsync(cancellationToken);
        await _membership.BecomeActiveAsync(cancellationToken);
        Status = SiloStatus.Active;
        _log.SiloStarted(_options.SiloName, _options.ServiceId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Time a stopping silo needs besides deactivating its grains (<see cref="SiloOptions.ShutdownTimeout"/>):
    /// marking its membership row ShuttingDown, then Dead, and stopping reminders. 15 s.
    /// </summary>
    public static readonly TimeSpan LeaveMargin = TimeSpan.FromSeconds(15);

    /// <summary>Stops the silo gracefully.</summary>
    /// <param name="cancellationToken">Signals that shutdown must no longer be graceful.</param>
    /// <returns>A task that completes when every activation is deactivated.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Status is SiloStatus.Stopped or SiloStatus.Created)
        {
            return;
        }

        Status = SiloStatus.ShuttingDown;
        await LeaveStepAsync(_membership.BeginLeaveAsync, cancellationToken);
        await _reminders.StopAsync(cancellationToken);
        await _catalog.StopAsync(cancellationToken);
        await LeaveStepAsync(_membership.CompleteLeaveAsync, cancellationToken);
        _membership.Dispose();
        _timeouts.Dispose();
        Status = SiloStatus.Stopped;
        _log.SiloStopped(_options.SiloName);
    }

    private async Task LeaveStepAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
        }
        catch (Exception exception)
        {
            // The store is unreachable, or shutdown stopped being graceful while the store was being
            // retried: the others will declare this silo dead by its stale heartbeat. Stopping goes on.
            _log.MembershipOperationFailed(exception, "leave");
        }
    }

    private void OnDeclaredDead(object? sender, EventArgs e)
    {
        if (Status == SiloStatus.Active)
        {
            Status = SiloStatus.ShuttingDown;
        }

        _lifetime?.StopApplication();
    }
}
