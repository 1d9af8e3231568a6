using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>
/// Two silos sharing a membership table and a reminder table but without the silo transport (every
/// call runs where it is made): each reminder fires on the silo that serves its bucket
/// (<see cref="ReminderPartition"/>), and a leaving silo's reminders move.
/// </summary>
public sealed class ReminderOwnershipTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly MemoryMembershipTable _membership = new();
    private readonly MemoryReminderTable _reminders = new();
    private readonly Probe _probeA = new();
    private readonly Probe _probeB = new();
    private TestSiloHost _a = null!;
    private TestSiloHost _b = null!;

    public async Task InitializeAsync()
    {
        _a = await StartAsync("a", _probeA);
        _b = await StartAsync("b", _probeB);
        _time.Advance(Period); // a's next refresh sees b
        Assert.Equal(2, _a.Services.GetRequiredService<IClusterMembershipView>().Current.ActiveSilos.Count);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task OneShotReminders_RegisteredOnOneSilo_FireOnceEach_OnTheBucketsSilo()
    {
        var keys = Enumerable.Range(0, 20).Select(i => $"r-{i}").ToList();
        foreach (var key in keys)
        {
            await _a.GrainFactory.GetGrain<IReminderGrain>(key).Register("once", TimeSpan.FromMinutes(2), TimeSpan.Zero);
        }

        _time.Advance(TimeSpan.FromMinutes(2)); // a scheduled only its buckets' reminders; b's refresh (every minute) picked up the rest
        await TestSiloHost.WaitUntilAsync(() => Fired(_probeA).Count + Fired(_probeB).Count == keys.Count);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);

        var placement = _a.Services.GetRequiredService<GrainPlacement>();
        var view = _a.Services.GetRequiredService<IClusterMembershipView>().Current;
        foreach (var key in keys)
        {
            var ownerProbe = ReminderPartition.OwnerOf(ReminderPartition.BucketOf(new GrainId("reminder", key)), view.ActiveSilos) == placement.Local ? _probeA : _probeB;
            var otherProbe = ReferenceEquals(ownerProbe, _probeA) ? _probeB : _probeA;
            Assert.Equal(1, Fired(ownerProbe).Count(k => k == key));
            Assert.DoesNotContain(key, Fired(otherProbe));
        }

        Assert.NotEmpty(Fired(_probeA));
        Assert.NotEmpty(Fired(_probeB));
        Assert.Empty(await _reminders.ReadRangeAsync(0, 0, CancellationToken.None)); // every one-shot removed once delivered
    }

    [Fact]
    public async Task SiloLeaves_ItsPeriodicRemindersFireOnTheOtherSilo()
    {
        var placement = _a.Services.GetRequiredService<GrainPlacement>();
        var view = _a.Services.GetRequiredService<IClusterMembershipView>().Current;
        var ownedByB = Enumerable.Range(0, 200).Select(i => $"p-{i}")
            .Where(k => ReminderPartition.OwnerOf(ReminderPartition.BucketOf(new GrainId("reminder", k)), view.ActiveSilos) != placement.Local)
            .Take(5)
            .ToList();
        foreach (var key in ownedByB)
        {
            await _b.GrainFactory.GetGrain<IReminderGrain>(key).Register("every-minute", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        await TestSiloHost.WaitUntilAsync(() => ownedByB.All(k => Fired(_probeB).Contains(k)));
        Assert.Empty(Fired(_probeA));

        await _b.StopAsync(); // graceful: Dead in the table
        _time.Advance(Period); // a's refresh: the view changes, a re-reads the reminders it now owns
        _time.Advance(TimeSpan.FromMinutes(1));

        await TestSiloHost.WaitUntilAsync(() => ownedByB.All(k => Fired(_probeA).Contains(k)));
    }

    private static List<string> Fired(Probe probe) =>
        [.. probe.Events.Where(e => e.StartsWith("reminder:", StringComparison.Ordinal)).Select(e => e.Split(':')[1])];

    private Task<TestSiloHost> StartAsync(string name, Probe probe) =>
        TestSiloHost.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(ReminderGrain).Assembly)
                    .Configure(o => o.SiloName = name)
                    .ConfigureMembership(o =>
                    {
                        o.IAmAlivePeriod = Period;
                        o.TableRefreshPeriod = Period;
                    });

                // One reminder table for both silos, as in a cluster (the test host's default is one per silo).
                silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(_reminders));
            },
            _time,
            services =>
            {
                services.AddSingleton(probe);
                services.AddSingleton<IMembershipTable>(_membership);
            });
}
