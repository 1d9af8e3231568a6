using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>Two silos in this process, each behind its own Kestrel HTTP/2 (h2c) endpoint, sharing a membership table: calls run on the owner.</summary>
public sealed class TwoSiloRemoteCallTests : IAsyncLifetime
{
    private readonly MemoryMembershipTable _table = new();
    private Silo _a = null!;
    private Silo _b = null!;

    public async Task InitializeAsync()
    {
        _a = await Silo.StartAsync("a", _table);
        _b = await Silo.StartAsync("b", _table);
        await _a.Membership.RefreshAsync(CancellationToken.None); // b's own start already read a
        Assert.Equal(2, _a.Membership.Current.ActiveSilos.Count);
        Assert.Equal(_a.Membership.Current.ActiveSilos, _b.Membership.Current.ActiveSilos);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Calls_FromEitherSilo_RunInOneActivationOnTheOwner()
    {
        var keys = Enumerable.Range(0, 24).Select(i => $"k-{i}").ToList();

        foreach (var key in keys)
        {
            Assert.Equal(1, await _a.Grains.GetGrain<ICounterGrain>(key).Add(1));
            Assert.Equal(3, await _b.Grains.GetGrain<ICounterGrain>(key).Add(2));
        }

        foreach (var key in keys)
        {
            var owner = _a.Placement.OwnerOf(new GrainId("counter", key));
            var (ownerProbe, otherProbe) = owner == _a.Placement.Local ? (_a.Probe, _b.Probe) : (_b.Probe, _a.Probe);
            Assert.Equal(1, ownerProbe.Activations.GetValueOrDefault(key));
            Assert.False(otherProbe.Activations.ContainsKey(key));
        }

        Assert.NotEmpty(_a.Probe.Activations);
        Assert.NotEmpty(_b.Probe.Activations);
    }

    [Fact]
    public async Task RemoteGrainException_ReachesTheCaller_WithItsTypeAndMessage()
    {
        var key = KeyOwnedBy(_b);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _a.Grains.GetGrain<ICounterGrain>(key).Fail("no such slot"));

        Assert.StartsWith("no such slot", error.Message, StringComparison.Ordinal);
        Assert.True(_b.Probe.Activations.ContainsKey(key));
        Assert.False(_a.Probe.Activations.ContainsKey(key));
    }

    [Fact]
    public async Task MisroutedEnvelope_IsForwardedOnceToTheOwner_OverHttp2()
    {
        var key = KeyOwnedBy(_b);
        var codec = _a.Services.GetRequiredService<GrainCallCodec>();
        var registry = _a.Services.GetRequiredService<Catalog.GrainTypeRegistry>();
        var add = registry.GetInterface(typeof(ICounterGrain)).Invokers.Values.Single(i => i.Name == nameof(ICounterGrain.Add));
        var envelope = codec.Encode(new GrainId("counter", key), add, [5], TimeProvider.System.GetUtcNow().AddSeconds(30));
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Sent to a, which does not own the grain.
        using var response = await http.PostAsJsonAsync(new Uri(_a.Placement.Local.Endpoint, SiloCallEndpoint.Path), envelope, codec.Options);
        var answer = await response.Content.ReadFromJsonAsync<GrainCallResponse>(codec.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Null(answer!.ExceptionType);
        Assert.Equal(5, answer.Result!.Value.GetInt32());
        Assert.True(_b.Probe.Activations.ContainsKey(key));
        Assert.False(_a.Probe.Activations.ContainsKey(key));
        Assert.Equal(6, await _b.Grains.GetGrain<ICounterGrain>(key).Add(1));
    }

    [Fact]
    public async Task ForwardedEnvelope_RunsWhereItArrives_NeverBouncesAgain()
    {
        var key = KeyOwnedBy(_b);
        var codec = _a.Services.GetRequiredService<GrainCallCodec>();
        var registry = _a.Services.GetRequiredService<Catalog.GrainTypeRegistry>();
        var ping = registry.GetInterface(typeof(ICounterGrain)).Invokers.Values.Single(i => i.Name == nameof(ICounterGrain.Ping));
        var envelope = codec.Encode(new GrainId("counter", key), ping, [], TimeProvider.System.GetUtcNow().AddSeconds(30)) with { ForwardCount = 1 };
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.PostAsJsonAsync(new Uri(_a.Placement.Local.Endpoint, SiloCallEndpoint.Path), envelope, codec.Options);
        var answer = await response.Content.ReadFromJsonAsync<GrainCallResponse>(codec.Options);

        Assert.Equal("pong", answer!.Result!.Value.GetString());
        Assert.True(_a.Probe.Activations.ContainsKey(key)); // a's view disagreed with the sender's: it ran the call rather than send it back
    }

    [Fact]
    public async Task NotAnEnvelope_Is400()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.PostAsync(new Uri(_a.Placement.Local.Endpoint, SiloCallEndpoint.Path), new StringContent("{\"callId\": 7", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OwnerLeaves_ItsGrainsMoveToTheRemainingSilo()
    {
        var key = KeyOwnedBy(_b);
        Assert.Equal(1, await _a.Grains.GetGrain<ICounterGrain>(key).Add(1));

        await _b.DisposeAsync(); // graceful: ShuttingDown, then Dead
        await _a.Membership.RefreshAsync(CancellationToken.None);

        Assert.Equal([_a.Placement.Local], _a.Membership.Current.ActiveSilos);
        Assert.Equal(1, await _a.Grains.GetGrain<ICounterGrain>(key).Add(1)); // a new activation on a (counter state is in memory)
        Assert.True(_a.Probe.Activations.ContainsKey(key));
    }

    private string KeyOwnedBy(Silo silo) =>
        Enumerable.Range(0, 1000).Select(i => $"owned-{i}").First(k => _a.Placement.OwnerOf(new GrainId("counter", k)) == silo.Placement.Local);

    private sealed class Silo : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private bool _disposed;

        private Silo(WebApplication app, Probe probe)
        {
            _app = app;
            Probe = probe;
        }

        public Probe Probe { get; }

        public IServiceProvider Services => _app.Services;

        public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

        public MembershipAgent Membership => _app.Services.GetRequiredService<MembershipAgent>();

        public GrainPlacement Placement => _app.Services.GetRequiredService<GrainPlacement>();

        public static async Task<Silo> StartAsync(string name, IMembershipTable table)
        {
            var port = FreePort();
            var probe = new Probe();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(probe);
            builder.Services.AddSingleton(table);
            builder.Services.AddSilo(silo => silo
                .AddGrains(typeof(CounterGrain).Assembly)
                .AddMemoryGrainStorage()
                .UseMemoryReminders()
                .Configure(o =>
                {
                    o.SiloName = name;
                    o.AdvertisedEndpoint = $"http://127.0.0.1:{port}/";
                })
                .UseSiloTransport());
            var app = builder.Build();
            app.MapSiloCalls();
            await app.StartAsync();
            return new Silo(app, probe);
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
