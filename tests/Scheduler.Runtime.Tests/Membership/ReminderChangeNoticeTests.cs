using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>
/// A reminder written on a silo that does not serve its bucket reaches the bucket's owner at once
/// through a reminder change notice. The silos re-read their ranges only every 10 minutes here, and
/// each test checks that no silo read a range after the write, so only the notice can explain a
/// timely tick (or the lack of one).
/// </summary>
public sealed class ReminderChangeNoticeTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Register_OnASiloThatDoesNotServeTheBucket_FiresAtOnceOnTheGrainsOwner()
    {
        await using var cluster = await StartAsync();
        var (key, grainOwner, _) = PickSplitKey(cluster, "register");
        ClearRecordings(cluster);

        await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("tick", Second, TimeSpan.Zero);

        await TestSiloHost.WaitUntilAsync(() => Ticks(grainOwner, key).Count == 1, Bound);
        Assert.All(cluster.Silos.Where(s => s != grainOwner), s => Assert.Empty(Ticks(s, key)));
        Assert.All(cluster.Silos, s => Assert.Empty(Recording(s).RangesRead));

        // The one-shot row is removed once delivered.
        var table = grainOwner.Services.GetRequiredService<IReminderTable>();
        await TestSiloHost.WaitUntilAsync(() => table.ReadAsync(GrainOf(key), "tick", CancellationToken.None).GetAwaiter().GetResult() is null, Bound);
    }

    [Fact]
    public async Task Unregister_OnASiloThatDoesNotServeTheBucket_StopsTheOwnersSchedule()
    {
        await using var cluster = await StartAsync();
        var (key, grainOwner, _) = PickSplitKey(cluster, "unregister");
        var grain = cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key);
        ClearRecordings(cluster);

        // First tick after 1 s, then every 4 s: the unregistration lands well before the second one.
        await grain.Register("tick", Second, TimeSpan.FromSeconds(4));
        await TestSiloHost.WaitUntilAsync(() => Ticks(grainOwner, key).Count == 1, Bound);
        await grain.Unregister("tick");

        // Without the notice the owner would deliver the tick due 4 s after the first one.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(Ticks(grainOwner, key));
        Assert.All(cluster.Silos.Where(s => s != grainOwner), s => Assert.Empty(Ticks(s, key)));
        Assert.All(cluster.Silos, s => Assert.Empty(Recording(s).RangesRead));
        Assert.Null(await grainOwner.Services.GetRequiredService<IReminderTable>().ReadAsync(GrainOf(key), "tick", CancellationToken.None));
    }

    [Fact]
    public async Task Update_OnASiloThatDoesNotServeTheBucket_MovesTheOwnersSchedule()
    {
        await using var cluster = await StartAsync();
        var (key, grainOwner, _) = PickSplitKey(cluster, "update");
        var grain = cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key);
        ClearRecordings(cluster);

        var firstDue = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(5);
        await grain.Register("tick", TimeSpan.FromMinutes(5), TimeSpan.Zero);
        await grain.Register("tick", Second, TimeSpan.Zero);

        await TestSiloHost.WaitUntilAsync(() => Ticks(grainOwner, key).Count == 1, Bound);
        var tickTime = Ticks(grainOwner, key)[0];
        Assert.True(tickTime < firstDue - TimeSpan.FromMinutes(4), $"the tick {tickTime:O} must be the updated registration's, not the first one's ({firstDue:O})");
        Assert.All(cluster.Silos.Where(s => s != grainOwner), s => Assert.Empty(Ticks(s, key)));
        Assert.All(cluster.Silos, s => Assert.Empty(Recording(s).RangesRead));
    }

    private static Task<TestCluster> StartAsync() =>
        TestCluster.StartAsync(
            3,
            silo =>
            {
                silo.AddGrains(typeof(ReminderGrain).Assembly);
                silo.Configure(o => o.ReminderRefreshPeriod = TimeSpan.FromMinutes(10));
                RecordingReminderTable.Install(silo);
            },
            services => services.AddSingleton(new Probe()));

    private static GrainId GrainOf(string key) => new("reminder", key);

    /// <summary>A grain key whose grain is owned by one silo and whose reminder bucket is served by another.</summary>
    private static (string Key, TestClusterSilo GrainOwner, TestClusterSilo BucketOwner) PickSplitKey(TestCluster cluster, string prefix)
    {
        var active = cluster.Silos[0].View.ActiveSilos;
        Assert.Equal(3, active.Count);
        for (var i = 0; ; i++)
        {
            var key = $"acme/{prefix}-{i}";
            var grainOwner = cluster.Silos[0].Placement.OwnerOf(GrainOf(key));
            var bucketOwner = ReminderPartition.OwnerOf(ReminderPartition.BucketOf(GrainOf(key)), active);
            if (grainOwner != bucketOwner)
            {
                return (key, cluster.Silos.Single(s => s.Address == grainOwner), cluster.Silos.Single(s => s.Address == bucketOwner));
            }
        }
    }

    private static RecordingReminderTable Recording(TestClusterSilo silo) => (RecordingReminderTable)silo.Services.GetRequiredService<IReminderTable>();

    private static void ClearRecordings(TestCluster cluster)
    {
        foreach (var silo in cluster.Silos)
        {
            Recording(silo).Clear();
        }
    }

    /// <summary>The tick times (UTC) of <paramref name="key"/>'s reminder "tick" delivered on <paramref name="silo"/>.</summary>
    private static List<DateTimeOffset> Ticks(TestClusterSilo silo, string key)
    {
        var prefix = $"reminder:{key}:tick:";
        return [.. silo.Services.GetRequiredService<Probe>().Events
            .Where(e => e.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => DateTimeOffset.Parse(e[prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))];
    }
}
