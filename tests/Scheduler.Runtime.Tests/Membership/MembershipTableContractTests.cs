using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Tests.Membership;

/// <summary>The contract every membership table must meet.</summary>
public abstract class MembershipTableContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected IMembershipTable Table { get; private set; } = null!;

    protected string ClusterId { get; } = $"cluster-{Guid.NewGuid():N}";

    public async Task InitializeAsync() => Table = await CreateTableAsync(ClusterId);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    protected static MembershipEntry Entry(string name, SiloMembershipStatus status = SiloMembershipStatus.Joining, long generation = 1) =>
        new(
            new SiloAddress(name, new Uri($"http://{name}.internal:5090/"), generation),
            status,
            $"host-{name}",
            5090,
            5080,
            T0,
            T0,
            []);

    [Fact]
    public async Task Empty_ReadsNoRows_AndInitialVersion()
    {
        var snapshot = await Table.ReadAllAsync(CancellationToken.None);

        Assert.Empty(snapshot.Rows);
        Assert.Equal(TableVersion.Initial, snapshot.Version);
    }

    [Fact]
    public async Task Insert_ThenRead_RoundTripsEveryField()
    {
        var suspecter = new SiloAddress("b", new Uri("http://b.internal:5090/"), 7);
        var entry = Entry("a", SiloMembershipStatus.Active) with
        {
            IAmAliveTime = T0.AddSeconds(30),
            Suspicions = [new SuspectVote(suspecter, T0.AddSeconds(10))],
        };

        Assert.True(await Table.InsertRowAsync(entry, TableVersion.Initial.Next(), CancellationToken.None));
        var snapshot = await Table.ReadAllAsync(CancellationToken.None);

        var row = Assert.Single(snapshot.Rows);
        AssertSameEntry(entry, row.Entry);
        Assert.False(string.IsNullOrEmpty(row.ETag));
        Assert.Equal(1, snapshot.Version.Version);
        Assert.NotEqual(string.Empty, snapshot.Version.ETag);
    }

    [Fact]
    public async Task Insert_WithStaleVersion_WritesNothing()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));

        Assert.False(await Table.InsertRowAsync(Entry("b"), TableVersion.Initial.Next(), CancellationToken.None));
        var snapshot = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(["a"], snapshot.Rows.Select(r => r.Entry.Silo.Name));
        Assert.Equal(1, snapshot.Version.Version);
    }

    [Fact]
    public async Task Insert_WithWrongVersionNumber_WritesNothing()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);

        Assert.False(await Table.InsertRowAsync(Entry("b"), read.Version.Next().Next(), CancellationToken.None));
        Assert.Single((await Table.ReadAllAsync(CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task Insert_ExistingRow_FailsEvenWithCurrentVersion()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);

        Assert.False(await Table.InsertRowAsync(Entry("a", SiloMembershipStatus.Active), read.Version.Next(), CancellationToken.None));
        var after = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloMembershipStatus.Joining, Assert.Single(after.Rows).Entry.Status);
        Assert.Equal(read.Version, after.Version);
    }

    [Fact]
    public async Task Insert_SameNameNewGeneration_IsAnotherRow()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a", generation: 1), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);

        Assert.True(await Table.InsertRowAsync(Entry("a", generation: 2), read.Version.Next(), CancellationToken.None));
        Assert.Equal([1L, 2L], (await Table.ReadAllAsync(CancellationToken.None)).Rows.Select(r => r.Entry.Silo.Generation));
    }

    [Fact]
    public async Task Update_WithCurrentETagAndVersion_ReplacesRow_AndAdvancesVersion()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);
        var row = Assert.Single(read.Rows);

        Assert.True(await Table.UpdateRowAsync(row.Entry with { Status = SiloMembershipStatus.Active }, row.ETag, read.Version.Next(), CancellationToken.None));

        var after = await Table.ReadAllAsync(CancellationToken.None);
        var updated = Assert.Single(after.Rows);
        Assert.Equal(SiloMembershipStatus.Active, updated.Entry.Status);
        Assert.NotEqual(row.ETag, updated.ETag);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(read.Version.ETag, after.Version.ETag);
    }

    [Fact]
    public async Task Update_WithStaleRowETag_WritesNothing()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var first = await Table.ReadAllAsync(CancellationToken.None);
        var stale = Assert.Single(first.Rows);
        Assert.True(await Table.UpdateRowAsync(stale.Entry with { Status = SiloMembershipStatus.Active }, stale.ETag, first.Version.Next(), CancellationToken.None));
        var second = await Table.ReadAllAsync(CancellationToken.None);

        // Current version, stale row ETag.
        Assert.False(await Table.UpdateRowAsync(stale.Entry with { Status = SiloMembershipStatus.Dead }, stale.ETag, second.Version.Next(), CancellationToken.None));

        var after = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloMembershipStatus.Active, Assert.Single(after.Rows).Entry.Status);
        Assert.Equal(second.Version, after.Version);
    }

    [Fact]
    public async Task Update_WithStaleVersion_WritesNothing()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);
        var rowA = Assert.Single(read.Rows);
        Assert.True(await Table.InsertRowAsync(Entry("b"), read.Version.Next(), CancellationToken.None));

        // Current row ETag of a, but the version moved when b joined.
        Assert.False(await Table.UpdateRowAsync(rowA.Entry with { Status = SiloMembershipStatus.Dead }, rowA.ETag, read.Version.Next(), CancellationToken.None));

        var after = await Table.ReadRowAsync(rowA.Entry.Silo, CancellationToken.None);
        var stillA = Assert.Single(after.Rows);
        Assert.Equal(SiloMembershipStatus.Joining, stillA.Entry.Status);
        Assert.Equal(rowA.ETag, stillA.ETag);
        Assert.Equal(2, after.Version.Version);
    }

    [Fact]
    public async Task Update_MissingRow_Fails()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);

        Assert.False(await Table.UpdateRowAsync(Entry("b"), read.Rows[0].ETag, read.Version.Next(), CancellationToken.None));
        Assert.Single((await Table.ReadAllAsync(CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task ReadRow_ReturnsOnlyThatSilo_AndTheVersion()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);
        Assert.True(await Table.InsertRowAsync(Entry("b"), read.Version.Next(), CancellationToken.None));

        var b = await Table.ReadRowAsync(Entry("b").Silo, CancellationToken.None);
        var missing = await Table.ReadRowAsync(Entry("c").Silo, CancellationToken.None);

        Assert.Equal("b", Assert.Single(b.Rows).Entry.Silo.Name);
        Assert.Equal(2, b.Version.Version);
        Assert.Empty(missing.Rows);
        Assert.Equal(2, missing.Version.Version);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesNeitherVersionNorRowETag_AndNeverGoesBack()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        var before = await Table.ReadAllAsync(CancellationToken.None);

        await Table.UpdateIAmAliveAsync(Entry("a").Silo, T0.AddMinutes(2), CancellationToken.None);
        await Table.UpdateIAmAliveAsync(Entry("a").Silo, T0.AddMinutes(1), CancellationToken.None);

        var after = await Table.ReadAllAsync(CancellationToken.None);
        var row = Assert.Single(after.Rows);
        Assert.Equal(T0.AddMinutes(2), row.Entry.IAmAliveTime);
        Assert.Equal(before.Rows[0].ETag, row.ETag);
        Assert.Equal(before.Version, after.Version);

        // The row ETag still guards updates after heartbeats, and an update does not move IAmAlive back.
        Assert.True(await Table.UpdateRowAsync(row.Entry with { Status = SiloMembershipStatus.Active, IAmAliveTime = T0 }, row.ETag, after.Version.Next(), CancellationToken.None));
        Assert.Equal(T0.AddMinutes(2), (await Table.ReadAllAsync(CancellationToken.None)).Rows[0].Entry.IAmAliveTime);
    }

    [Fact]
    public async Task ConcurrentInserts_OnTheSameVersion_ExactlyOneWins()
    {
        var read = await Table.ReadAllAsync(CancellationToken.None);
        var names = Enumerable.Range(0, 8).Select(i => $"s{i}").ToList();

        var results = await Task.WhenAll(names.Select(n => Task.Run(() => Table.InsertRowAsync(Entry(n), read.Version.Next(), CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        var after = await Table.ReadAllAsync(CancellationToken.None);
        var winner = names[Array.IndexOf(results, true)];
        Assert.Equal(winner, Assert.Single(after.Rows).Entry.Silo.Name);
        Assert.Equal(1, after.Version.Version);
    }

    [Fact]
    public async Task ConcurrentUpdates_OfTheSameRead_ExactlyOneWins()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        Assert.True(await Table.InsertRowAsync(Entry("b"), (await Table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var read = await Table.ReadAllAsync(CancellationToken.None);

        // Six observers: three try to declare a dead, three try to declare b dead, all from the same read.
        var attempts = Enumerable.Range(0, 6).Select(i =>
        {
            var row = read.Rows[i % 2];
            return Task.Run(() => Table.UpdateRowAsync(row.Entry with { Status = SiloMembershipStatus.Dead, HostName = $"observer-{i}" }, row.ETag, read.Version.Next(), CancellationToken.None));
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var after = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        var winner = Array.IndexOf(results, true);
        Assert.Equal(1, after.Rows.Count(r => r.Entry.Status == SiloMembershipStatus.Dead));
        Assert.Equal($"observer-{winner}", after.Rows.Single(r => r.Entry.Status == SiloMembershipStatus.Dead).Entry.HostName);
    }

    [Fact]
    public async Task Cleanup_RemovesOnlyOldDeadRows_AndAdvancesVersion()
    {
        var version = TableVersion.Initial;
        foreach (var entry in new[]
        {
            Entry("old-dead", SiloMembershipStatus.Dead),
            Entry("new-dead", SiloMembershipStatus.Dead) with { IAmAliveTime = T0.AddHours(2) },
            Entry("old-active", SiloMembershipStatus.Active),
        })
        {
            Assert.True(await Table.InsertRowAsync(entry, version.Next(), CancellationToken.None));
            version = (await Table.ReadAllAsync(CancellationToken.None)).Version;
        }

        var removed = await Table.CleanupDefunctEntriesAsync(T0.AddHours(1), CancellationToken.None);

        var after = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, removed);
        Assert.Equal(["new-dead", "old-active"], after.Rows.Select(r => r.Entry.Silo.Name).Order(StringComparer.Ordinal));
        Assert.Equal(version.Version + 1, after.Version.Version);
        Assert.Equal(0, await Table.CleanupDefunctEntriesAsync(T0.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task DeleteEntries_OfThisCluster_RemovesEverything_OfAnother_Nothing()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));

        await Table.DeleteMembershipTableEntriesAsync($"other-{Guid.NewGuid():N}", CancellationToken.None);
        Assert.Single((await Table.ReadAllAsync(CancellationToken.None)).Rows);

        await Table.DeleteMembershipTableEntriesAsync(ClusterId, CancellationToken.None);
        var after = await Table.ReadAllAsync(CancellationToken.None);
        Assert.Empty(after.Rows);
        Assert.Equal(TableVersion.Initial, after.Version);
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
    }

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected with { Suspicions = [] }, actual with { Suspicions = [] });
        Assert.Equal(expected.Suspicions, actual.Suspicions);
    }
}
