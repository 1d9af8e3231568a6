using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Hosting;

/// <summary>
/// Runs the silo inside the .NET generic host. Start: idle collection and the reminder service.
/// Stop (graceful): no new activations, reminders stop firing (undelivered ticks stay due in
/// the table), running turns finish, every activation is deactivated.
/// </summary>
public sealed class SiloHost : IHostedService
{
    private readonly GrainCatalog _catalog;
    private readonly ReminderService _reminders;
    private readonly CallTimeoutTracker _timeouts;
    private readonly SiloOptions _options;
    private readonly ILogger<SiloHost> _log;

    internal SiloHost(GrainCatalog catalog, ReminderService reminders, CallTimeoutTracker timeouts, IOptions<SiloOptions> options, ILogger<SiloHost> log)
    {
        _catalog = catalog;
        _reminders = reminders;
        _timeouts = timeouts;
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
        _catalog.Start();
        await _reminders.StartAsync(cancellationToken);
        Status = SiloStatus.Active;
        _log.SiloStarted(_options.SiloName, _options.ServiceId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

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
        await _reminders.StopAsync(cancellationToken);
        await _catalog.StopAsync(cancellationToken);
        _timeouts.Dispose();
        Status = SiloStatus.Stopped;
        _log.SiloStopped(_options.SiloName);
    }
}
