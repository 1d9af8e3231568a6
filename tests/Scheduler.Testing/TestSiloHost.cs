using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;
using Polly;
using Polly.Retry;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Testing;

/// <summary>
/// One Orleans silo in the test process (an <see cref="InProcessTestCluster"/> of one), with in-memory grain
/// storage and reminders (kept in the test process, not in grains, so they answer while the silo stops) unless the
/// test configures others. Grains and reminders run on <see cref="Time"/>, a
/// <see cref="FakeTimeProvider"/> the test advances; Orleans' own infrastructure (messaging and call timeouts,
/// membership, system timers, activation collection, the grain directory, placement retries) and the deadlines of
/// calendar reads (<see cref="CalendarFetcher.DeadlineClockKey"/>: how long an answer waits for a read) stay on the
/// system clock, so a jump of the fake clock never times out a call or a read in flight or collects an activation.
/// </summary>
public sealed class TestSiloHost : IAsyncDisposable
{
    private static readonly string[] InfrastructureClocks =
    [
        TimeProviderNames.Messaging,
        TimeProviderNames.Membership,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
        CalendarFetcher.DeadlineClockKey,
    ];

    /// <summary>The key of Orleans' placement pipeline (<c>OrleansRuntimeResiliencePolicies</c>, internal to Orleans).</summary>
    private const string PlacementPipelineKey = "Orleans.Placement";

    private readonly InProcessTestCluster _cluster;
    private bool _stopped;

    private TestSiloHost(InProcessTestCluster cluster, FakeTimeProvider time)
    {
        _cluster = cluster;
        Time = time;
    }

    /// <summary>The clock of grains, grain timers and reminders.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _cluster.Silos[0].ServiceProvider;

    /// <summary>The silo's grain factory (calls from host code, as the embedded gateway makes them).</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The cluster, for deactivations and lookups of activations.</summary>
    public InProcessTestCluster Cluster => _cluster;

    /// <summary>Starts a silo.</summary>
    /// <param name="configureSilo">Adds storage, reminders or anything else to the silo (after the in-memory defaults, so it can replace them).</param>
    /// <param name="time">The fake clock; a new one starting at 2026-01-05 09:00 UTC (a Monday) when <see langword="null"/>.</param>
    /// <param name="configureServices">Adds services the grains need.</param>
    /// <returns>The running silo.</returns>
    public static async Task<TestSiloHost> StartAsync(Action<ISiloBuilder>? configureSilo = null, FakeTimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;

        // One service id for every test silo, so a silo started on the same SQLite file finds what an earlier one wrote.
        builder.Options.ServiceId = "scheduler-tests";
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("SCHEDULER_TEST_LOGS") == "1")
            {
                host.Logging.AddSimpleConsole();
            }
            host.Services.AddSingleton<TimeProvider>(time);
            foreach (var key in InfrastructureClocks)
            {
                host.Services.AddKeyedSingleton(key, TimeProvider.System);
            }

            // Orleans builds its placement pipeline (a timeout around retries) on the registered clock, the fake one
            // here, where a placement retried while the silo stops would wait for ever. The first registration of a
            // pipeline key wins, and this one comes before Orleans' own: the same strategies on the system clock.
            host.Services.AddResiliencePipeline<string, SiloAddress>(PlacementPipelineKey, (pipeline, context) =>
            {
                var messaging = context.ServiceProvider.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(messaging.PlacementTimeout).AddRetry(new RetryStrategyOptions<SiloAddress>
                {
                    MaxRetryAttempts = messaging.PlacementMaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = messaging.PlacementRetryBaseDelay,
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder<SiloAddress>().Handle<OrleansException>().Handle<TimeoutException>(),
                });
            });

            configureServices?.Invoke(host.Services);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            new RecordingGrainStorage().RegisterAsDefault(silo);
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, MemoryReminderTable>();

            // Orleans loads a reminder into its silo's timers only within a window before it is due (10 min by
            // default) and otherwise on its periodic refresh, and fires one found overdue at its next period
            // boundary. Loading every reminder at once puts each tick on the fake clock, so a test that advances
            // the clock past a due time sees the reminder fire then.
            silo.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(365));
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await WaitForOwnManifestAsync(cluster.Silos[0].ServiceProvider);
        return new TestSiloHost(cluster, time);
    }

    /// <summary>
    /// Waits until the silo's cluster manifest lists the silo itself. A silo answers calls once started, but it learns
    /// its own grain types through membership a moment later; until then every placement fails and is retried, so a
    /// test's first calls would start late and out of order.
    /// </summary>
    private static async Task WaitForOwnManifestAsync(IServiceProvider services)
    {
        var self = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var manifest = services.GetRequiredService<IClusterManifestProvider>();
        await WaitUntilAsync(() => manifest.Current.Silos.ContainsKey(self), TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the silo gracefully (deactivating its grains). Idempotent.</summary>
    /// <returns>A task that completes when the silo has stopped.</returns>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _cluster.StopAllSilosAsync();
    }

    /// <summary>
    /// Moves <paramref name="time"/> forward in 15 s steps, 100 ms of real time apart, until <paramref name="condition"/>
    /// holds (at most 40 steps, 10 min of fake time). A silo started after its reminders came due loads them overdue,
    /// and Orleans fires such a reminder at its next period boundary, so the clock must keep moving after a restart.
    /// </summary>
    /// <param name="time">The fake clock.</param>
    /// <param name="condition">The condition.</param>
    /// <returns>A task that completes when the condition holds or the steps are used up (the caller asserts after).</returns>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(condition);
        for (var step = 0; step < 40 && !await condition(); step++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="condition"/> on the real clock every 5 ms until it holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait; 10 s when <see langword="null"/>.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(() => Task.FromResult(condition()), timeout);
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/> (a grain call, say) on the real clock every 5 ms until it holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait; 10 s when <see langword="null"/>.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null) => WaitForAsync(condition, holds => holds, timeout);

    /// <summary>
    /// Reads <paramref name="read"/> (a grain's view, say) on the real clock every 5 ms until <paramref name="condition"/>
    /// holds of what it returned.
    /// </summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="read">Reads the current value.</param>
    /// <param name="condition">The condition on a value read.</param>
    /// <param name="timeout">How long to wait; 10 s when <see langword="null"/>.</param>
    /// <param name="describe">Describes the last value read for the timeout's message, or <see langword="null"/>.</param>
    /// <returns>The first value read that the condition holds of.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null, Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds} s" + (describe is null ? "." : $": {describe(value)}."));
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Stops and disposes the silo. The HTTP resilience pipelines (Polly) run on the fake clock; one that had a call in
    /// flight when its silo was disposed waits for the call by sleeping on that clock, which no test advances any more.
    /// After a grace period the clock is therefore moved on until disposal ends (the test is over; nothing observes it).
    /// </summary>
    /// <returns>A task that completes when the silo is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        using var disposed = new CancellationTokenSource();
        var pump = PumpClockAsync(disposed.Token);
        try
        {
            await StopAsync();
            await _cluster.DisposeAsync();
        }
        finally
        {
            await disposed.CancelAsync();
            await pump;
        }
    }

    private async Task PumpClockAsync(CancellationToken disposed)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), disposed);
            while (true)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20, disposed);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal ended.
        }
    }
}
