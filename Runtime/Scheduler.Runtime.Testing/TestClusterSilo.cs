using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>: a web application with the silo, its HTTP/2 (h2c) silo-to-silo endpoint on a free loopback port, and the cluster's shared tables and storage.</summary>
public sealed class TestClusterSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestClusterSilo(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The silo's grain factory: calls are routed to the owning silo.</summary>
    public IGrainFactory GrainFactory => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address in the membership table.</summary>
    public SiloAddress Address => _app.Services.GetRequiredService<LocalSilo>().Address;

    /// <summary>The silo's current membership view.</summary>
    public ClusterMembershipSnapshot View => _app.Services.GetRequiredService<IClusterMembershipView>().Current;

    /// <summary>The silo's placement.</summary>
    public GrainPlacement Placement => _app.Services.GetRequiredService<GrainPlacement>();

    /// <summary>The silo's status.</summary>
    public SiloStatus Status => _app.Services.GetRequiredService<SiloHost>().Status;

    /// <summary>Whether the silo was stopped or killed.</summary>
    public bool IsStopped => _stopped;

    /// <summary>Disposes the silo's application (stopping it gracefully first if it still runs).</summary>
    /// <returns>A task that completes when the application is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    internal static async Task<TestClusterSilo> StartAsync(string name, TestClusterShared shared, Action<SiloBuilder> configureSilo, Action<IServiceCollection>? configureServices)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(shared.Membership);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSilo(silo =>
        {
            silo.Configure(o =>
            {
                o.SiloName = name;
                o.AdvertisedEndpoint = $"http://127.0.0.1:{port}/";
                o.ReminderRefreshPeriod = TimeSpan.FromSeconds(1);
            });
            silo.ConfigureMembership(o =>
            {
                o.IAmAlivePeriod = shared.MembershipOptions.IAmAlivePeriod;
                o.TableRefreshPeriod = shared.MembershipOptions.TableRefreshPeriod;
                o.DeathThreshold = shared.MembershipOptions.DeathThreshold;
            });
            silo.Services.AddKeyedSingleton<Storage.IGrainStorage>(PersistentStateAttribute.DefaultStorageName, shared.Storage);
            silo.Services.AddSingleton<Reminders.IReminderTable>(shared.Reminders);
            silo.UseSiloTransport();
            configureSilo(silo);
        });
        var app = builder.Build();
        app.MapSiloCalls();
        await app.StartAsync();
        return new TestClusterSilo(app, name);
    }

    /// <summary>Stops the silo gracefully (ShuttingDown, then Dead in the membership table).</summary>
    internal async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
    }

    /// <summary>Stops the silo without leaving the membership table: its row stays as it was and its heartbeats stop, so the others must detect it by the stale heartbeat.</summary>
    internal async Task KillAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _app.Services.GetRequiredService<MembershipAgent>().Abandon();
        await _app.StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
