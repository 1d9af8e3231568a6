namespace Scheduler.Providers.Tests.Support;

/// <summary>
/// Runs providers through a silo lifecycle as a silo would: each is started on its own lifecycle
/// and all are stopped (their close) on dispose, so no provider outlives its test's files.
/// </summary>
public sealed class ProviderLifecycles : IAsyncDisposable
{
    private readonly List<SiloLifecycleSubject> _started = [];

    /// <summary>Subscribes the provider and runs the lifecycle's start; stop the returned lifecycle to close the provider early.</summary>
    public async Task<ILifecycleObserver> StartAsync(ILifecycleParticipant<ISiloLifecycle> provider)
    {
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        provider.Participate(lifecycle);
        await lifecycle.OnStart(CancellationToken.None);
        _started.Add(lifecycle);
        return lifecycle;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lifecycle in _started)
        {
            await lifecycle.OnStop(CancellationToken.None);
        }
    }
}
