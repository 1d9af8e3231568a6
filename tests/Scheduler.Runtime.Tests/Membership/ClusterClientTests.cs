using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>The cluster client (a gateway's role): it routes every call to the owning silo, is never a placement target, and resends calls that a lost silo never received.</summary>
public sealed class ClusterClientTests
{
    private static readonly List<string> Keys = [.. Enumerable.Range(0, 30).Select(i => $"acme/client-{i}")];

    [Fact]
    public async Task Client_SendsEveryCallToTheOwner_AndHasNoMembershipRow()
    {
        await using var cluster = await StartAsync(3);
        await using var client = await cluster.CreateClientAsync(AddGrains);

        foreach (var key in Keys)
        {
            Assert.Equal(1, await client.GrainFactory.GetGrain<IStatefulGrain>(key).Increment("a"));
        }

        var placement = cluster.Silos[0].Placement;
        var owners = Keys.GroupBy(k => placement.OwnerOf(new GrainId("stateful", k)).Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, owners.Count);
        // Each silo activated exactly the grains it owns: no call was run anywhere else.
        Assert.All(cluster.Silos, s => Assert.Equal(owners[s.Name], s.Services.GetRequiredService<SiloHost>().ActivationCount));
        var rows = (await cluster.MembershipTable.ReadAllAsync(CancellationToken.None)).Rows;
        Assert.Equal(3, rows.Count);
        Assert.Equal(cluster.Silos.Select(s => s.Address).ToHashSet(), client.View.ActiveSilos.ToHashSet());
    }

    [Fact]
    public async Task TwoClients_CallingTheSameGrainsAtOnce_ReachOneActivationEach()
    {
        await using var cluster = await StartAsync(2);
        await using var first = await cluster.CreateClientAsync(AddGrains);
        await using var second = await cluster.CreateClientAsync(AddGrains);

        await Task.WhenAll(Keys.SelectMany(k => new[]
        {
            first.GrainFactory.GetGrain<IStatefulGrain>(k).Increment("first"),
            second.GrainFactory.GetGrain<IStatefulGrain>(k).Increment("second"),
        }));

        foreach (var key in Keys)
        {
            var state = await second.GrainFactory.GetGrain<IStatefulGrain>(key).Get();
            Assert.Equal(2, state.Value); // both writes landed in one activation: none failed on a stale ETag, none was lost
            Assert.Equal(["first", "second"], state.Items.Order());
        }

        Assert.Equal(Keys.Count, cluster.Silos.Sum(s => s.Services.GetRequiredService<SiloHost>().ActivationCount));
    }

    [Fact]
    public async Task Client_ResendsCallsTheKilledOwnerNeverReceived_UntilTheSurvivorsTakeOver()
    {
        await using var cluster = await StartAsync(3);
        await using var client = await cluster.CreateClientAsync(AddGrains);
        foreach (var key in Keys)
        {
            await client.GrainFactory.GetGrain<IStatefulGrain>(key).Increment("a");
        }

        var victim = cluster.Silos[1];
        var victimKeys = Keys.Where(k => cluster.Silos[0].Placement.OwnerOf(new GrainId("stateful", k)) == victim.Address).ToList();
        Assert.NotEmpty(victimKeys);
        await cluster.KillSiloAsync(victim);

        // Sent at once, while every view still lists the killed silo as active: the connection is
        // refused, the client waits for the survivors to declare it dead, then sends to the new owner.
        var results = await Task.WhenAll(victimKeys.Select(k => client.GrainFactory.GetGrain<IStatefulGrain>(k).Increment("b")));

        Assert.All(results, r => Assert.Equal(2, r));
        foreach (var key in victimKeys)
        {
            var state = await client.GrainFactory.GetGrain<IStatefulGrain>(key).Get();
            Assert.Equal(["a", "b"], state.Items); // delivered exactly once
        }

        Assert.DoesNotContain(victim.Address, client.View.ActiveSilos);
    }

    [Fact]
    public async Task Client_WithNoActiveSilo_FailsAsNotDelivered_AtTheCallTimeout()
    {
        await using var cluster = await StartAsync(1);
        await using var client = await cluster.CreateClientAsync(AddGrains, o => o.CallTimeout = TimeSpan.FromSeconds(1));
        await cluster.StopSiloAsync(cluster.Silos[0]);
        while (client.View.ActiveSilos.Count > 0)
        {
            await Task.Delay(20);
        }

        var failure = await Assert.ThrowsAsync<SiloUnavailableException>(() => client.GrainFactory.GetGrain<IStatefulGrain>("acme/none").Increment("a"));

        Assert.True(failure.NotDelivered);
    }

    [Fact]
    public async Task SiloThatCannotForwardToALostOwner_Answers503_SoTheCallerMayResend()
    {
        await using var cluster = await StartAsync(2);
        var (entry, victim) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Keys.First(k => entry.Placement.OwnerOf(new GrainId("stateful", k)) == victim.Address);
        var codec = entry.Services.GetRequiredService<GrainCallCodec>();
        var registry = entry.Services.GetRequiredService<Catalog.GrainTypeRegistry>();
        var increment = registry.GetInterface(typeof(IStatefulGrain)).Invokers.Values.Single(i => i.Name == nameof(IStatefulGrain.Increment));
        var envelope = codec.Encode(new GrainId("stateful", key), increment, ["a"], TimeProvider.System.GetUtcNow().AddSeconds(30));
        await cluster.KillSiloAsync(victim);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // The entry silo still sees the victim as the owner and cannot reach it.
        using var response = await http.PostAsJsonAsync(new Uri(entry.Address.Endpoint, SiloCallEndpoint.Path), envelope, codec.Options);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, entry.Services.GetRequiredService<SiloHost>().ActivationCount); // it ran nothing
    }

    private static void AddGrains(Client.ClusterClientBuilder client) => client.AddGrains(typeof(StatefulGrain).Assembly);

    private static Task<TestCluster> StartAsync(int silos) =>
        TestCluster.StartAsync(silos, silo => silo.AddGrains(typeof(StatefulGrain).Assembly), services => services.AddSingleton(new Probe()));
}
