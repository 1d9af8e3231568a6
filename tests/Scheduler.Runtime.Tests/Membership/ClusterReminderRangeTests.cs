using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>
/// Reminders in a <see cref="TestCluster"/>: each silo reads only the ranges of the buckets it owns
/// (checked on a recording wrapper of the shared table), delivers through the grain factory so the
/// grain runs on its owner, and the buckets move when a silo dies or joins.
/// </summary>
public sealed class ClusterReminderRangeTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ThreeSilos_EachReadsOnlyItsRanges_AndTicksRunOnTheGrainsOwner()
    {
        await using var cluster = await StartAsync(3);
        ClearRecordings(cluster);
        var keys = Enumerable.Range(0, 30).Select(i => $"acme/spread-{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("tick", Second, Second);
        }

        await TestSiloHost.WaitUntilAsync(() => keys.All(k => TicksAnywhere(cluster, k) >= 2), TimeSpan.FromSeconds(20));

        var active = cluster.Silos[0].View.ActiveSilos;
        var rowsSeen = new HashSet<string>();
        foreach (var silo in cluster.Silos)
        {
            var owned = ReminderPartition.BucketsOf(silo.Address, active);
            var recording = Recording(silo);
            Assert.NotEmpty(recording.RangesRead); // the one-second refresh ran
            Assert.Equal(ReminderPartition.RangesOf(owned).ToHashSet(), recording.RangesRead.ToHashSet());
            Assert.All(recording.RowsRead, r => Assert.True(owned[ReminderPartition.BucketOf(r.GrainId)], $"{silo.Name} read {r.GrainId} of a bucket it does not own"));
            rowsSeen.UnionWith(recording.RowsRead.Select(r => r.GrainId.Key));

            // Each grain ran only on its owner, whichever silo served its bucket.
            var probe = silo.Services.GetRequiredService<Probe>();
            var ranHere = keys.Where(k => probe.Events.Any(e => e.StartsWith($"reminder:{k}:", StringComparison.Ordinal))).ToList();
            Assert.All(ranHere, k => Assert.Equal(silo.Address, silo.Placement.OwnerOf(new GrainId("reminder", k))));
        }

        Assert.True(keys.All(rowsSeen.Contains));
        var servedElsewhere = keys.Count(k => ReminderPartition.OwnerOf(ReminderPartition.BucketOf(new GrainId("reminder", k)), active) != cluster.Silos[0].Placement.OwnerOf(new GrainId("reminder", k)));
        Assert.True(servedElsewhere > 0, "some reminders must be served by a silo other than their grain's owner for this test to mean anything");
    }

    [Fact]
    public async Task KilledSilo_TheRemindersOfItsBuckets_FireOnTheSurvivors()
    {
        await using var cluster = await StartAsync(3);
        var victim = cluster.Silos[2];
        var active = cluster.Silos[0].View.ActiveSilos;

        // Reminders the victim serves (its buckets) of grains a survivor owns: after the death only the survivors' reads can find them.
        var keys = Enumerable.Range(0, 2000).Select(i => $"acme/orphan-{i}")
            .Where(k => ReminderPartition.OwnerOf(ReminderPartition.BucketOf(new GrainId("reminder", k)), active) == victim.Address
                && cluster.Silos[0].Placement.OwnerOf(new GrainId("reminder", k)) != victim.Address)
            .Take(4)
            .ToList();
        Assert.Equal(4, keys.Count);
        foreach (var key in keys)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("tick", Second, Second);
        }

        await TestSiloHost.WaitUntilAsync(() => keys.All(k => TicksAnywhere(cluster, k) > 0), TimeSpan.FromSeconds(20));

        await cluster.KillSiloAsync(victim);
        await cluster.WaitForLivenessAsync();
        var afterDeath = keys.ToDictionary(k => k, k => TicksAnywhere(cluster, k));
        await TestSiloHost.WaitUntilAsync(() => keys.All(k => TicksAnywhere(cluster, k) >= afterDeath[k] + 2), TimeSpan.FromSeconds(20));

        var survivors = cluster.RunningSilos.Select(s => s.Address).ToList();
        foreach (var key in keys)
        {
            var newServer = cluster.RunningSilos.Single(s => s.Address == ReminderPartition.OwnerOf(ReminderPartition.BucketOf(new GrainId("reminder", key)), survivors));
            Assert.Contains(Recording(newServer).RowsRead, r => r.GrainId.Key == key);
        }
    }

    [Fact]
    public async Task JoiningSilo_TakesOverItsRanges_AndServesTheirReminders()
    {
        await using var cluster = await StartAsync(2);
        var keys = Enumerable.Range(0, 40).Select(i => $"acme/join-{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("tick", Second, Second);
        }

        await TestSiloHost.WaitUntilAsync(() => keys.All(k => TicksAnywhere(cluster, k) > 0), TimeSpan.FromSeconds(20));

        var added = await cluster.StartSiloAsync();
        var active = added.View.ActiveSilos;
        var owned = ReminderPartition.BucketsOf(added.Address, active);
        var moved = keys.Where(k => owned[ReminderPartition.BucketOf(new GrainId("reminder", k))]).ToList();
        Assert.NotEmpty(moved);
        await TestSiloHost.WaitUntilAsync(() => moved.All(k => Recording(added).RowsRead.Any(r => r.GrainId.Key == k)), TimeSpan.FromSeconds(10));
        Assert.All(Recording(added).RowsRead, r => Assert.True(owned[ReminderPartition.BucketOf(r.GrainId)]));

        // The older silos stop reading the buckets they gave away; the moved reminders keep firing.
        ClearRecordings(cluster);
        var before = keys.ToDictionary(k => k, k => TicksAnywhere(cluster, k));
        await TestSiloHost.WaitUntilAsync(() => keys.All(k => TicksAnywhere(cluster, k) >= before[k] + 2), TimeSpan.FromSeconds(20));
        foreach (var silo in cluster.Silos.Where(s => s != added))
        {
            Assert.All(Recording(silo).RowsRead, r => Assert.False(owned[ReminderPartition.BucketOf(r.GrainId)], $"{silo.Name} still reads {r.GrainId}"));
        }
    }

    private static Task<TestCluster> StartAsync(int silos) =>
        TestCluster.StartAsync(
            silos,
            silo =>
            {
                silo.AddGrains(typeof(ReminderGrain).Assembly);
                RecordingReminderTable.Install(silo);
            },
            services => services.AddSingleton(new Probe()));

    private static RecordingReminderTable Recording(TestClusterSilo silo) => (RecordingReminderTable)silo.Services.GetRequiredService<IReminderTable>();

    private static void ClearRecordings(TestCluster cluster)
    {
        foreach (var silo in cluster.RunningSilos)
        {
            Recording(silo).Clear();
        }
    }

    private static int TicksAnywhere(TestCluster cluster, string key) =>
        cluster.Silos.Sum(s => s.Services.GetRequiredService<Probe>().Events.Count(e => e.StartsWith($"reminder:{key}:tick:", StringComparison.Ordinal)));
}
