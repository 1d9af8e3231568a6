using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Testing;

/// <summary>
/// Several silos in one test process, each with its own HTTP/2 silo-to-silo endpoint on a free
/// loopback port, sharing an in-memory membership table, reminder table and grain storage (the
/// roles DynamoDB plays in a deployment). Calls are routed to the owning silo. Silos run on the
/// system clock with short membership timings (heartbeat and refresh 200 ms, death after 5 s, unless
/// given): joins and graceful leaves settle in well under a second, a killed silo is declared dead
/// after about 5 s (shorter thresholds declare live silos dead on a loaded machine). Each silo re-reads
/// its reminder ranges every second (instead of every minute), so a reminder change whose notice to
/// the bucket's owner was lost (the owner was dying) still takes effect within about a second.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterShared _shared;
    private readonly Action<SiloBuilder> _configureSilo;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly List<TestClusterSilo> _silos = [];
    private int _nextSilo;

    private TestCluster(TestClusterShared shared, Action<SiloBuilder> configureSilo, Action<IServiceCollection>? configureServices)
    {
        _shared = shared;
        _configureSilo = configureSilo;
        _configureServices = configureServices;
    }

    /// <summary>Every silo started so far, in start order, stopped and killed ones included.</summary>
    public IReadOnlyList<TestClusterSilo> Silos => _silos;

    /// <summary>The silos that have not been stopped or killed.</summary>
    public IReadOnlyList<TestClusterSilo> RunningSilos => [.. _silos.Where(s => !s.IsStopped)];

    /// <summary>The shared membership table.</summary>
    public IMembershipTable MembershipTable => _shared.Membership;

    /// <summary>Starts a cluster of <paramref name="silos"/> silos and waits until every silo's view lists all of them.</summary>
    /// <param name="silos">How many silos to start, at least 1.</param>
    /// <param name="configureSilo">Adds grains (and anything else) to each silo.</param>
    /// <param name="configureServices">Adds services each silo's grains need (called once per silo).</param>
    /// <param name="membership">Membership timings; <see langword="null"/> for 200 ms heartbeats and refreshes and a 5 s death threshold.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="silos"/> is less than 1.</exception>
    /// <exception cref="TimeoutException">The views did not agree within 30 s.</exception>
    public static async Task<TestCluster> StartAsync(int silos, Action<SiloBuilder> configureSilo, Action<IServiceCollection>? configureServices = null, MembershipOptions? membership = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        ArgumentNullException.ThrowIfNull(configureSilo);
        membership ??= new MembershipOptions
        {
            IAmAlivePeriod = TimeSpan.FromMilliseconds(200),
            TableRefreshPeriod = TimeSpan.FromMilliseconds(200),
            DeathThreshold = TimeSpan.FromSeconds(5),
        };
        var cluster = new TestCluster(new TestClusterShared(membership), configureSilo, configureServices);
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync(waitForLiveness: false);
        }

        await cluster.WaitForLivenessAsync();
        return cluster;
    }

    /// <summary>Starts one more silo (named <c>silo-{n}</c>) and, unless told otherwise, waits until every running silo's view lists it.</summary>
    /// <param name="waitForLiveness">Whether to wait for the views to agree.</param>
    /// <returns>The new silo.</returns>
    public async Task<TestClusterSilo> StartSiloAsync(bool waitForLiveness = true)
    {
        var silo = await TestClusterSilo.StartAsync($"silo-{_nextSilo++}", _shared, _configureSilo, _configureServices);
        _silos.Add(silo);
        if (waitForLiveness)
        {
            await WaitForLivenessAsync();
        }

        return silo;
    }

    /// <summary>Starts a cluster client (a gateway's role) that reads this cluster's membership table and sends every call to the owning silo; dispose it before the cluster.</summary>
    /// <param name="configure">Adds the grain assemblies whose interfaces the client calls.</param>
    /// <param name="options">Changes the client's options (for example <see cref="SiloOptions.CallTimeout"/>), or <see langword="null"/>.</param>
    /// <returns>The running client; its first membership read is done.</returns>
    public Task<TestClusterClient> CreateClientAsync(Action<Client.ClusterClientBuilder> configure, Action<SiloOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return TestClusterClient.StartAsync(_shared.Membership, _shared.MembershipOptions, configure, options);
    }

    /// <summary>Stops a silo gracefully (it writes ShuttingDown, then Dead) and waits until the others' views drop it.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>A task that completes when the views agree again.</returns>
    public async Task StopSiloAsync(TestClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await silo.StopAsync();
        await WaitForLivenessAsync();
    }

    /// <summary>
    /// Kills a silo: it stops without writing to the membership table (its row still says Active,
    /// its heartbeats stop; its activations are deactivated as the process ends), and does not wait:
    /// call <see cref="WaitForLivenessAsync"/> to wait until the others declare it dead.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <returns>A task that completes when the silo has stopped.</returns>
    public Task KillSiloAsync(TestClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.KillAsync();
    }

    /// <summary>Waits (real time) until every running silo is active and its view's active silos are exactly the running silos.</summary>
    /// <param name="timeout">How long to wait; default 30 s.</param>
    /// <returns>A task that completes when the views agree.</returns>
    /// <exception cref="TimeoutException">They did not agree in time.</exception>
    public async Task WaitForLivenessAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var started = Stopwatch.GetTimestamp();
        while (!IsStable())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"The membership views did not settle within {limit.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Stops every running silo gracefully and disposes them.</summary>
    /// <returns>A task that completes when every silo is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }
    }

    private bool IsStable()
    {
        var running = RunningSilos;
        var expected = running.Select(s => s.Address).OrderBy(MembershipEntry.KeyOf, StringComparer.Ordinal).ToList();
        return running.All(s => s.Status == SiloStatus.Active
            && s.View.ActiveSilos.OrderBy(MembershipEntry.KeyOf, StringComparer.Ordinal).SequenceEqual(expected));
    }
}
