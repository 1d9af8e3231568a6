using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Catalog;

/// <summary>
/// The silo's activations by grain id. Creates an activation on the first call (exactly one per
/// grain id, however many calls race), forwards requests that reach an activation that is gone,
/// and deactivates idle activations every collection quantum.
/// </summary>
internal sealed class GrainCatalog : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly GrainTypeRegistry _registry;
    private readonly IServiceProvider _services;
    private ITimer? _collector;
    private IGrainFactory? _grainFactory;
    private ReminderService? _reminders;
    private volatile bool _stopping;

    public GrainCatalog(
        GrainTypeRegistry registry,
        GrainActivator activator,
        IServiceProvider services,
        TimeProvider time,
        IOptions<SiloOptions> options,
        RuntimeInstrumentation instrumentation,
        ILogger<GrainCatalog> logger)
    {
        _registry = registry;
        Activator = activator;
        _services = services;
        Time = time;
        Options = options.Value;
        Instrumentation = instrumentation;
        Log = logger;
    }

    public GrainActivator Activator { get; }

    public TimeProvider Time { get; }

    public SiloOptions Options { get; }

    public RuntimeInstrumentation Instrumentation { get; }

    public ILogger Log { get; }

    public IServiceProvider Services => _services;

    // Resolved on first use: the grain factory depends on the catalog (through the call invoker).
    public IGrainFactory GrainFactory => _grainFactory ??= _services.GetRequiredService<IGrainFactory>();

    public ReminderService Reminders => _reminders ??= _services.GetRequiredService<ReminderService>();

    public int Count => _activations.Count;

    public bool IsStopping => _stopping;

    public void Start()
    {
        var quantum = Options.CollectionQuantum;
        _collector = Time.CreateTimer(static s => ((GrainCatalog)s!).CollectIdle(), this, quantum, quantum);
    }

    /// <summary>Returns the activation of <paramref name="grainId"/>, creating and starting it if there is none.</summary>
    /// <exception cref="SiloUnavailableException">The silo is shutting down.</exception>
    public GrainActivation GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var activation))
        {
            return activation;
        }

        if (_stopping)
        {
            throw new SiloUnavailableException($"Silo {Options.SiloName} is shutting down; grain {grainId} cannot be activated.", notDelivered: true);
        }

        var created = new GrainActivation(grainId, _registry.GetClass(grainId.Type), this);
        activation = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(activation, created))
        {
            created.StartActivation();
        }

        return activation;
    }

    public bool TryGet(GrainId grainId, out GrainActivation? activation) => _activations.TryGetValue(grainId, out activation);

    /// <summary>A snapshot of the current activations.</summary>
    public IReadOnlyCollection<GrainActivation> Activations => [.. _activations.Values];

    /// <summary>Delivers a request whose activation went away to the grain's current activation.</summary>
    public void Forward(GrainId grainId, IActivationRequest request)
    {
        if (!request.IsForwardable)
        {
            request.Reject(new InvalidOperationException($"The activation of {grainId} that owned this request is gone."));
            return;
        }

        GrainActivation target;
        try
        {
            target = GetOrCreate(grainId);
        }
        catch (Exception exception)
        {
            request.Reject(exception);
            return;
        }

        target.Enqueue(request);
    }

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));

    /// <summary>Deactivates idle activations whose age limit has passed; returns how many.</summary>
    public int CollectIdle()
    {
        var now = Time.GetUtcNow();
        var count = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryDeactivateIfIdle(now, activation.ClassInfo.AgeLimit ?? Options.IdleTimeout))
            {
                count++;
            }
        }

        if (count > 0)
        {
            Log.IdleCollected(count);
        }

        return count;
    }

    /// <summary>Stops creating activations and deactivates every activation once its running turns finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _collector?.Dispose();
        Log.SiloStopping(Options.SiloName, _activations.Count);
        var all = _activations.Values.Select(a => a.DeactivateAsync(DeactivationReason.ShuttingDown)).ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ShutdownTimeout);
        try
        {
            await Task.WhenAll(all).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutdown must finish; activations still busy are abandoned (their state is durable up to their last write).
        }
    }

    public void Dispose() => _collector?.Dispose();
}
