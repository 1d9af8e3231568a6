using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;
using Scheduler.Hosting;
using Scheduler.Testing;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// One silo of the chaos cluster, in the test process: a host built like Silo/Program.cs builds it
/// (<see cref="ClusterHostingExtensions.AddSchedulerSilo"/> with <c>Cluster:Provider=DynamoDB</c>, the grain-side services,
/// none of them configured), with its own silo and gateway ports, reaching DynamoDB through its own
/// <see cref="CuttableRelay"/> so that <see cref="KillAsync"/> can take its storage away at once, as a crash does.
/// </summary>
public sealed class ChaosSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly CuttableRelay _storage;
    private bool _stopped;

    private ChaosSilo(string name, IHost host, CuttableRelay storage)
    {
        Name = name;
        _host = host;
        _storage = storage;
    }

    public string Name { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The silo's address in the membership table.</summary>
    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Starts a silo of <paramref name="cluster"/> and waits until it is active.</summary>
    public static async Task<ChaosSilo> StartAsync(string name, ChaosCluster cluster, string keysDirectory)
    {
        var storage = new CuttableRelay(new Uri(cluster.ServiceUrl));
        var ports = LoopbackPorts.Take(2);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(cluster.Settings(storage.Url.ToString()));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
        });
        builder.AddSchedulerSilo(Path.Combine(keysDirectory, $"{name}-unused.db"), "chaos-silo");
        builder.Services.AddSchedulerNotifications(builder.Configuration);
        builder.Services.AddCalendarSources();
        builder.Services.AddGoogleCalendar(keysDirectory);
        builder.Services.AddMicrosoftCalendar(keysDirectory);
        var host = builder.Build();
        await host.StartAsync();
        return new ChaosSilo(name, host, storage);
    }

    /// <summary>
    /// Kills the silo: its storage is cut first (nothing it does from now on is persisted, not even its own death in
    /// the membership table), then it stops without a graceful shutdown, closing its ports. The other silos must find
    /// out by themselves that it is dead (probes).
    /// </summary>
    public async Task KillAsync()
    {
        _storage.Cut();
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await _host.StopAsync(now.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or OrleansException or AggregateException)
        {
            // An ungraceful stop may report what it could not finish; the process would be gone anyway.
        }

        _stopped = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
        await _storage.DisposeAsync();
    }
}
