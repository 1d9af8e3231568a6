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

    [Fact]
    public async Task KilledSilo_ItsRemindersFireOnTheSurvivors()
    {
        var probe = new Probe();
        await using var cluster = await TestCluster.StartAsync(3, silo => silo.AddGrains(typeof(ReminderGrain).Assembly), services => services.AddSingleton(probe));
        var placement = cluster.Silos[0].Placement;
        var victim = cluster.Silos[2];
        var keys = Enumerable.Range(0, 300).Select(i => $"acme/r-{i}").Where(k => placement.OwnerOf(new GrainId("reminder", k)) == victim.Address).Take(4).ToList();
        foreach (var key in keys)
        {
            // Routed to the victim, which owns the grain and so registers and serves the reminder.
            await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        await TestSiloHost.WaitUntilAsync(() => keys.All(k => Ticks(probe, k) > 0), TimeSpan.FromSeconds(20));

        await cluster.KillSiloAsync(victim);
        await cluster.WaitForLivenessAsync();
        var afterDeath = keys.ToDictionary(k => k, k => Ticks(probe, k));

        await TestSiloHost.WaitUntilAsync(() => keys.All(k => Ticks(probe, k) >= afterDeath[k] + 2), TimeSpan.FromSeconds(20));
    }

    private static int Ticks(Probe probe, string key) => probe.Events.Count(e => e.StartsWith($"reminder:{key}:tick:", StringComparison.Ordinal));

    private static Task<TestCluster> StartAsync(int silos) =>
        TestCluster.StartAsync(silos, silo => silo.AddGrains(typeof(StatefulGrain).Assembly), services => services.AddSingleton(new Probe()));
}
