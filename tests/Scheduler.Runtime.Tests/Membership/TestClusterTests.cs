using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>The in-process test cluster: silos join, leave and die; calls go to the owner; state in the shared storage survives.</summary>
public sealed class TestClusterTests
{
    private static readonly List<string> Keys = [.. Enumerable.Range(0, 30).Select(i => $"acme/item-{i}")];

    [Fact]
    public async Task ThreeSilos_GrainsSpread_AndAKilledSiloLosesNoWrite()
    {
        await using var cluster = await StartAsync(3);
        var caller = cluster.Silos[0];
        foreach (var key in Keys)
        {
            Assert.Equal(1, await caller.GrainFactory.GetGrain<IStatefulGrain>(key).Increment("a"));
        }

        var owners = Keys.GroupBy(k => caller.Placement.OwnerOf(new GrainId("stateful", k)).Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, owners.Count);
        Assert.All(cluster.Silos, s => Assert.Equal(owners[s.Name], s.Services.GetRequiredService<SiloHost>().ActivationCount));

        var victim = cluster.Silos.Single(s => s.Name == owners.MaxBy(o => o.Value).Key);
        await cluster.KillSiloAsync(victim);
        await cluster.WaitForLivenessAsync();

        var survivor = cluster.RunningSilos[0];
        foreach (var key in Keys)
        {
            Assert.Equal(2, await survivor.GrainFactory.GetGrain<IStatefulGrain>(key).Increment("b"));
        }

        var row = (await cluster.MembershipTable.ReadAllAsync(CancellationToken.None)).Find(victim.Address)!;
        Assert.Equal(SiloMembershipStatus.Dead, row.Entry.Status); // declared dead by a survivor: the victim wrote nothing
        Assert.All(cluster.RunningSilos, s => Assert.DoesNotContain(victim.Address, s.View.ActiveSilos));
    }

    [Fact]
    public async Task AdditionalSilo_TakesOverPartOfTheGrains_AndGracefulStopHandsThemBack()
    {
        await using var cluster = await StartAsync(2);
        foreach (var key in Keys)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<IStatefulGrain>(key).Increment("a");
        }

        var added = await cluster.StartSiloAsync();
        var moved = Keys.Where(k => added.Placement.OwnerOf(new GrainId("stateful", k)) == added.Address).ToList();
        Assert.NotEmpty(moved);
        foreach (var key in Keys)
        {
            Assert.Equal(2, await cluster.Silos[1].GrainFactory.GetGrain<IStatefulGrain>(key).Increment("b"));
        }

        Assert.Equal(moved.Count, added.Services.GetRequiredService<SiloHost>().ActivationCount);

        await cluster.StopSiloAsync(added);
        foreach (var key in moved)
        {
            Assert.Equal(3, await cluster.Silos[0].GrainFactory.GetGrain<IStatefulGrain>(key).Increment("c"));
        }

        Assert.Equal(SiloMembershipStatus.Dead, (await cluster.MembershipTable.ReadAllAsync(CancellationToken.None)).Find(added.Address)!.Entry.Status);
    }

    private static Task<TestCluster> StartAsync(int silos) =>
        TestCluster.StartAsync(silos, silo => silo.AddGrains(typeof(StatefulGrain).Assembly), services => services.AddSingleton(new Probe()));
}
