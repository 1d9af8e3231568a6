using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>Membership of silos sharing one table and one fake clock: join, heartbeats, view, graceful leave, crash detection, self declared dead.</summary>
public sealed class MembershipAgentTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly MemoryMembershipTable _table = new();
    private readonly List<TestSiloHost> _hosts = [];
    private readonly List<MembershipAgent> _agents = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            agent.Dispose();
        }

        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_WritesJoiningThenActive_AndTheViewListsTheSilo()
    {
        var statuses = new List<SiloMembershipStatus>();
        var silo = await StartSiloAsync("a");

        var row = Assert.Single((await _table.ReadAllAsync(CancellationToken.None)).Rows);
        Assert.Equal(SiloMembershipStatus.Active, row.Entry.Status);
        Assert.Equal(2, (await _table.ReadAllAsync(CancellationToken.None)).Version.Version); // insert Joining, then Active
        var view = silo.Services.GetRequiredService<IClusterMembershipView>().Current;
        Assert.Equal([Address(silo)], view.ActiveSilos);
        Assert.Equal(SiloStatus.Active, silo.Silo.Status);
    }

    [Fact]
    public async Task Heartbeats_MoveIAmAlive_WithoutChangingTheVersion()
    {
        await StartSiloAsync("a");
        var before = await _table.ReadAllAsync(CancellationToken.None);

        _time.Advance(Period * 3);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(before.Rows[0].Entry.IAmAliveTime + (Period * 3), after.Rows[0].Entry.IAmAliveTime);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task SecondSilo_Joins_BothViewsListBoth_AndPlacementAgrees()
    {
        var a = await StartSiloAsync("a");
        var placementA = a.Services.GetRequiredService<GrainPlacement>();
        var grains = Enumerable.Range(0, 200).Select(i => new GrainId("participant", $"acme/p-{i}")).ToList();
        Assert.All(grains, g => Assert.True(placementA.IsLocal(g))); // alone, it owns everything

        var changes = new List<ClusterMembershipSnapshot>();
        a.Services.GetRequiredService<IClusterMembershipView>().Changed += (_, view) => changes.Add(view);
        var b = await StartSiloAsync("b");
        _time.Advance(Period);

        var viewA = a.Services.GetRequiredService<IClusterMembershipView>().Current;
        var viewB = b.Services.GetRequiredService<IClusterMembershipView>().Current;
        Assert.Equal(viewA.ActiveSilos, viewB.ActiveSilos);
        Assert.Equal(2, viewA.ActiveSilos.Count);
        Assert.Contains(changes, c => c.ActiveSilos.Count == 2);

        var placementB = b.Services.GetRequiredService<GrainPlacement>();
        Assert.All(grains, g => Assert.Equal(placementA.OwnerOf(g), placementB.OwnerOf(g)));
        Assert.All(grains, g => Assert.NotEqual(placementA.IsLocal(g), placementB.IsLocal(g)));
        var ownedByA = grains.Count(placementA.IsLocal);
        Assert.InRange(ownedByA, 60, 140);
    }

    [Fact]
    public async Task GracefulStop_WritesShuttingDownThenDead_AndTheOthersDropIt()
    {
        var a = await StartSiloAsync("a");
        var b = await StartSiloAsync("b");
        _time.Advance(Period);
        var versionBefore = (await _table.ReadAllAsync(CancellationToken.None)).Version.Version;

        await b.StopAsync();

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloMembershipStatus.Dead, after.Find(Address(b))!.Entry.Status);
        Assert.Equal(versionBefore + 2, after.Version.Version); // ShuttingDown, then Dead
        _time.Advance(Period);
        Assert.Equal([Address(a)], a.Services.GetRequiredService<IClusterMembershipView>().Current.ActiveSilos);
        Assert.Equal(SiloMembershipStatus.Active, after.Find(Address(a))!.Entry.Status);
    }

    [Fact]
    public async Task CrashedSilo_StaleIAmAlive_IsDeclaredDeadOnce_AndLeavesTheView()
    {
        var a = await StartAgentAsync("a");
        var b = await StartAgentAsync("b");
        var c = await StartAgentAsync("c");
        _time.Advance(Period);
        Assert.Equal(3, a.Current.ActiveSilos.Count);
        var versionBefore = (await _table.ReadAllAsync(CancellationToken.None)).Version.Version;

        c.Dispose(); // a crash: no more heartbeats, nothing written
        _time.Advance(Threshold); // not yet older than the threshold
        Assert.Equal(SiloMembershipStatus.Active, (await _table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!.Entry.Status);
        _time.Advance(Period);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloMembershipStatus.Dead, after.Find(c.Self)!.Entry.Status);
        Assert.Equal(versionBefore + 1, after.Version.Version); // a and b both noticed; one write
        Assert.Equal([a.Self, b.Self], a.Current.ActiveSilos);
        Assert.Equal([a.Self, b.Self], b.Current.ActiveSilos);
        Assert.All(after.Rows.Where(r => r.Entry.Silo != c.Self), r => Assert.Equal(SiloMembershipStatus.Active, r.Entry.Status));
    }

    [Fact]
    public async Task SiloDeclaredDead_StopsServing_AndNeverRewritesItsRow()
    {
        var a = await StartSiloAsync("a");
        var lifetime = a.Services.GetRequiredService<IHostApplicationLifetime>();
        var agent = a.Services.GetRequiredService<MembershipAgent>();

        // Another silo lost sight of a (say, a network partition) and declared it dead.
        var read = await _table.ReadAllAsync(CancellationToken.None);
        var row = read.Find(Address(a))!;
        Assert.True(await _table.UpdateRowAsync(row.Entry with { Status = SiloMembershipStatus.Dead }, row.ETag, read.Version.Next(), CancellationToken.None));

        _time.Advance(Period); // its next refresh reads the row
        Assert.True(agent.IsDeclaredDead);
        Assert.NotEqual(SiloStatus.Active, a.Silo.Status);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
        var deadRow = (await _table.ReadAllAsync(CancellationToken.None)).Find(Address(a))!;

        _time.Advance(Period * 3);
        await a.StopAsync();

        // No heartbeat, no ShuttingDown, no Dead of its own: the row is as it was when the silo noticed.
        var final = (await _table.ReadAllAsync(CancellationToken.None)).Find(Address(a))!;
        Assert.Equal(SiloMembershipStatus.Dead, final.Entry.Status);
        Assert.Equal(deadRow.ETag, final.ETag);
        Assert.Equal(deadRow.Entry.IAmAliveTime, final.Entry.IAmAliveTime);
    }

    [Fact]
    public async Task Restart_WithTheSameName_MarksTheEarlierRunDead()
    {
        var first = await StartAgentAsync("a");
        first.Dispose(); // crashed, its row still says Active
        _time.Advance(TimeSpan.FromSeconds(1));

        var second = await StartAgentAsync("a");

        var rows = (await _table.ReadAllAsync(CancellationToken.None)).Rows;
        Assert.Equal(SiloMembershipStatus.Dead, rows.Single(r => r.Entry.Silo == first.Self).Entry.Status);
        Assert.Equal(SiloMembershipStatus.Active, rows.Single(r => r.Entry.Silo == second.Self).Entry.Status);
        Assert.Equal([second.Self], second.Current.ActiveSilos);
    }

    [Fact]
    public async Task SingleSilo_SqliteTable_KeepsMembershipInTheDatabase()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "silo.db");
        await using (var silo = await TestSiloHost.StartAsync(s => s.UseSqlite(path).Configure(o => o.SiloName = "solo"), _time))
        {
            _time.Advance(Period);
            var view = silo.Services.GetRequiredService<IClusterMembershipView>().Current;
            Assert.Single(view.ActiveSilos);
        }

        var database = new Scheduler.Runtime.Sqlite.SqliteDatabase(path);
        await using (database.ConfigureAwait(false))
        {
            var rows = (await new Scheduler.Runtime.Sqlite.SqliteMembershipTable(database, "scheduler", "default").ReadAllAsync(CancellationToken.None)).Rows;
            Assert.Equal(SiloMembershipStatus.Dead, Assert.Single(rows).Entry.Status); // left gracefully
        }
    }

    [Fact]
    public async Task Restart_AtTheSameInstant_OnTheSameDatabase_JoinsAsANewGeneration()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "silo.db");
        await using (await TestSiloHost.StartAsync(s => s.UseSqlite(path).Configure(o => o.SiloName = "same"), _time))
        {
        }

        await using var second = await TestSiloHost.StartAsync(s => s.UseSqlite(path).Configure(o => o.SiloName = "same"), _time);

        var rows = (await second.Services.GetRequiredService<IMembershipTable>().ReadAllAsync(CancellationToken.None)).Rows;
        Assert.Equal([SiloMembershipStatus.Dead, SiloMembershipStatus.Active], rows.OrderBy(r => r.Entry.Silo.Generation).Select(r => r.Entry.Status));
        Assert.Equal(SiloStatus.Active, second.Silo.Status);
    }

    [Fact]
    public async Task HeartbeatsFailingLongerThanTheThreshold_TheSiloStopsServing()
    {
        using var directory = new TempDirectory();
        var silo = await TestSiloHost.StartAsync(
            s => s.UseSqlite(Path.Combine(directory.Path, "silo.db")).Configure(o => o.SiloName = "cut-off").ConfigureMembership(o =>
            {
                o.IAmAlivePeriod = Period;
                o.TableRefreshPeriod = Period;
                o.DeathThreshold = Threshold;
            }),
            _time);
        _hosts.Add(silo);
        var agent = silo.Services.GetRequiredService<MembershipAgent>();

        // The store goes away: every heartbeat and table read now fails.
        await silo.Services.GetRequiredService<Scheduler.Runtime.Sqlite.SqliteDatabase>().DisposeAsync();
        _time.Advance(Threshold);
        Assert.False(agent.IsDeclaredDead); // not longer than the threshold yet
        Assert.Equal(SiloStatus.Active, silo.Silo.Status);

        _time.Advance(Period);

        Assert.True(agent.IsDeclaredDead);
        Assert.NotEqual(SiloStatus.Active, silo.Silo.Status);
        Assert.True(silo.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    private static SiloAddress Address(TestSiloHost host) => host.Services.GetRequiredService<LocalSilo>().Address;

    private async Task<TestSiloHost> StartSiloAsync(string name)
    {
        var host = await TestSiloHost.StartAsync(
            silo => silo
                .Configure(o => o.SiloName = name)
                .ConfigureMembership(o =>
                {
                    o.IAmAlivePeriod = Period;
                    o.TableRefreshPeriod = Period;
                    o.DeathThreshold = Threshold;
                }),
            _time,
            services => services.AddSingleton<IMembershipTable>(_table));
        _hosts.Add(host);
        return host;
    }

    private async Task<MembershipAgent> StartAgentAsync(string name)
    {
        var options = Options.Create(new MembershipOptions { IAmAlivePeriod = Period, TableRefreshPeriod = Period, DeathThreshold = Threshold });
        var local = new LocalSilo(Options.Create(new SiloOptions { SiloName = name }), _time);
        var agent = new MembershipAgent(_table, local, options, _time, NullLogger<MembershipAgent>.Instance);
        _agents.Add(agent);
        await agent.JoinAsync(CancellationToken.None);
        await agent.BecomeActiveAsync(CancellationToken.None);
        return agent;
    }
}
