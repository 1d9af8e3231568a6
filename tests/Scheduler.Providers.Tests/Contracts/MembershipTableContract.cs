namespace Scheduler.Providers.Tests.Contracts;

/// <summary>
/// The behaviour every <see cref="IMembershipTable"/> adapter of the project must have, after what
/// Orleans' own membership table tests check. Derive once per adapter and implement
/// <see cref="CreateTableAsync"/>; the base initialises the table as a silo does
/// (<c>InitializeMembershipTable(true)</c>) and every test then runs against it.
/// </summary>
public abstract class MembershipTableContract : IAsyncLifetime
{
    private static readonly DateTime Now = new(2025, 10, 26, 0, 30, 0, 123, DateTimeKind.Utc);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private int _nextPort = 11_000;

    /// <summary>The cluster of this test: unique, so tests never see each other's rows.</summary>
    protected string ClusterId { get; } = $"cluster-{Guid.NewGuid():N}";

    protected CancellationToken Cancellation => _timeout.Token;

    /// <summary>The table under test, initialised before each test.</summary>
    protected IMembershipTable Table { get; private set; } = null!;

    /// <summary>
    /// Creates a table instance for <paramref name="clusterId"/> over the store every instance of
    /// this test shares, as silos of one cluster share it. Not yet initialised.
    /// </summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    public async Task InitializeAsync()
    {
        Table = await CreateTableAsync(ClusterId);
        await Table.InitializeMembershipTableAsync(true, Cancellation);
    }

    public virtual Task DisposeAsync()
    {
        _timeout.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadAll_AfterInitialize_ReturnsNoEntriesAndVersionZero()
    {
        var data = await Table.ReadAllAsync(Cancellation);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [Fact]
    public async Task InitializeMembershipTable_AgainFromAnotherSilo_KeepsEntriesAndVersion()
    {
        var entry = NewEntry();
        await InsertAsync(entry);

        var other = await CreateTableAsync(ClusterId);
        await other.InitializeMembershipTableAsync(true, Cancellation);
        var data = await other.ReadAllAsync(Cancellation);

        Assert.Equal(1, data.Version.Version);
        AssertSameEntry(entry, Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task InsertRow_WithNextVersion_StoresEntryAndVersion()
    {
        var before = (await Table.ReadAllAsync(Cancellation)).Version;
        var entry = NewEntry();

        Assert.True(await Table.InsertRowAsync(entry, before.Next(), Cancellation));
        var data = await Table.ReadAllAsync(Cancellation);

        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(before.VersionEtag, data.Version.VersionEtag);
        var (stored, etag) = Assert.Single(data.Members);
        AssertSameEntry(entry, stored);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task InsertRow_StaleTableVersion_ReturnsFalseAndChangesNothing()
    {
        var stale = (await Table.ReadAllAsync(Cancellation)).Version;
        var first = NewEntry();
        Assert.True(await Table.InsertRowAsync(first, stale.Next(), Cancellation));

        Assert.False(await Table.InsertRowAsync(NewEntry(), stale.Next(), Cancellation));

        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(1, data.Version.Version);
        AssertSameEntry(first, Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task InsertRow_SameSiloTwice_ReturnsFalseAndChangesNothing()
    {
        var entry = NewEntry();
        await InsertAsync(entry);
        var current = (await Table.ReadAllAsync(Cancellation)).Version;

        Assert.False(await Table.InsertRowAsync(entry, current.Next(), Cancellation));

        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(current, data.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task InsertRow_ConcurrentSilosWithSameExpectedVersion_ExactlyOneWins()
    {
        var version = (await Table.ReadAllAsync(Cancellation)).Version;
        var entries = Enumerable.Range(0, 8).Select(_ => NewEntry()).ToList();

        var outcomes = await Task.WhenAll(entries.Select(e => Task.Run(() => Table.InsertRowAsync(e, version.Next(), Cancellation))));

        Assert.Single(outcomes, won => won);
        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(1, data.Version.Version);
        AssertSameEntry(entries[Array.IndexOf(outcomes, true)], Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task UpdateRow_CurrentETag_StoresEntryAndAdvancesVersion()
    {
        var entry = NewEntry();
        await InsertAsync(entry);
        var row = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);
        var (_, etag) = Assert.Single(row.Members);

        var updated = Copy(entry, SiloStatus.Active);
        updated.AddSuspector(SiloAddress.New(IPAddress.Loopback, 12_345, 7), Now.AddSeconds(30));
        updated.AddSuspector(SiloAddress.New(IPAddress.Loopback, 12_346, 8), Now.AddSeconds(31));
        Assert.True(await Table.UpdateRowAsync(updated, etag, row.Version.Next(), Cancellation));

        var after = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);
        Assert.Equal(2, after.Version.Version);
        var (stored, newETag) = Assert.Single(after.Members);
        AssertSameEntry(updated, stored);
        Assert.NotEqual(etag, newETag);
    }

    [Fact]
    public async Task UpdateRow_SuspicionsRemoved_ReadsNoSuspicions()
    {
        var entry = NewEntry();
        entry.AddSuspector(SiloAddress.New(IPAddress.Loopback, 12_345, 7), Now);
        await InsertAsync(entry);
        var row = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);

        Assert.True(await Table.UpdateRowAsync(Copy(entry, SiloStatus.Active), row.Members[0].Item2, row.Version.Next(), Cancellation));

        var stored = Assert.Single((await Table.ReadAllAsync(Cancellation)).Members).Item1;
        Assert.Empty(stored.SuspectTimes ?? []);
    }

    [Fact]
    public async Task UpdateRow_StaleRowETag_ReturnsFalseAndChangesNothing()
    {
        var entry = NewEntry();
        await InsertAsync(entry);
        var row = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);
        var staleETag = row.Members[0].Item2;
        var active = Copy(entry, SiloStatus.Active);
        Assert.True(await Table.UpdateRowAsync(active, staleETag, row.Version.Next(), Cancellation));
        var current = (await Table.ReadAllAsync(Cancellation)).Version;

        Assert.False(await Table.UpdateRowAsync(Copy(entry, SiloStatus.Dead), staleETag, current.Next(), Cancellation));

        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(current, data.Version);
        AssertSameEntry(active, Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task UpdateRow_StaleTableVersion_ReturnsFalseAndChangesNothing()
    {
        var entry = NewEntry();
        var initial = (await Table.ReadAllAsync(Cancellation)).Version;
        Assert.True(await Table.InsertRowAsync(entry, initial.Next(), Cancellation));
        var etag = (await Table.ReadRowAsync(entry.SiloAddress, Cancellation)).Members[0].Item2;

        Assert.False(await Table.UpdateRowAsync(Copy(entry, SiloStatus.Active), etag, initial.Next(), Cancellation));

        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(1, data.Version.Version);
        AssertSameEntry(entry, Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task UpdateRow_ConcurrentWithSameETags_ExactlyOneWins()
    {
        var entry = NewEntry();
        await InsertAsync(entry);
        var row = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);
        var (_, etag) = Assert.Single(row.Members);
        var updates = Enumerable.Range(0, 6).Select(i => Copy(entry, SiloStatus.Active, proxyPort: 40_000 + i)).ToList();

        var outcomes = await Task.WhenAll(updates.Select(u => Task.Run(() => Table.UpdateRowAsync(u, etag, row.Version.Next(), Cancellation))));

        Assert.Single(outcomes, won => won);
        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(2, data.Version.Version);
        AssertSameEntry(updates[Array.IndexOf(outcomes, true)], Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesOnlyTheHeartbeatAndKeepsReadETagsUsable()
    {
        var entry = Copy(NewEntry(), SiloStatus.Active);
        await InsertAsync(entry);
        var before = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);

        var heartbeat = Copy(entry, SiloStatus.Active);
        heartbeat.IAmAliveTime = Now.AddMinutes(5);
        await Table.UpdateIAmAliveAsync(heartbeat, Cancellation);

        var after = await Table.ReadRowAsync(entry.SiloAddress, Cancellation);
        Assert.Equal(before.Version, after.Version);
        var stored = Assert.Single(after.Members).Item1;
        Assert.Equal(Now.AddMinutes(5), stored.IAmAliveTime);
        Assert.Equal(entry.Status, stored.Status);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.True(await Table.UpdateRowAsync(Copy(entry, SiloStatus.ShuttingDown), before.Members[0].Item2, before.Version.Next(), Cancellation));
    }

    [Fact]
    public async Task ReadRow_MissingSilo_ReturnsNoEntryAndTheVersion()
    {
        await InsertAsync(NewEntry());

        var row = await Table.ReadRowAsync(NewEntry().SiloAddress, Cancellation);

        Assert.Empty(row.Members);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task ReadAll_AfterSeveralInserts_ReturnsEveryEntryWithUsableETags()
    {
        var entries = new List<MembershipEntry>();
        for (var i = 0; i < 3; i++)
        {
            var entry = NewEntry();
            await InsertAsync(entry);
            entries.Add(entry);
        }

        var data = await Table.ReadAllAsync(Cancellation);

        Assert.Equal(3, data.Version.Version);
        Assert.Equal(entries.Select(e => e.SiloAddress).OrderBy(a => a.ToString()), data.Members.Select(m => m.Item1.SiloAddress).OrderBy(a => a.ToString()));
        var (last, lastETag) = data.Members.Single(m => m.Item1.SiloAddress.Equals(entries[1].SiloAddress));
        Assert.True(await Table.UpdateRowAsync(Copy(last, SiloStatus.Active), lastETag, data.Version.Next(), Cancellation));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOnlyDeadEntriesOlderThanTheDate()
    {
        var deadOld = Copy(NewEntry(), SiloStatus.Dead, aliveAt: Now.AddHours(-2));
        var deadRecent = Copy(NewEntry(), SiloStatus.Dead, aliveAt: Now);
        var activeOld = Copy(NewEntry(), SiloStatus.Active, aliveAt: Now.AddHours(-2));
        foreach (var entry in new[] { deadOld, deadRecent, activeOld })
        {
            await InsertAsync(entry);
        }

        await Table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Now.AddHours(-1)), Cancellation);

        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Equal(3, data.Version.Version);
        Assert.Equal(
            new[] { deadRecent.SiloAddress, activeOld.SiloAddress }.OrderBy(a => a.ToString()),
            data.Members.Select(m => m.Item1.SiloAddress).OrderBy(a => a.ToString()));
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_RemovesThatClusterOnly()
    {
        var otherCluster = $"{ClusterId}-other";
        var other = await CreateTableAsync(otherCluster);
        await other.InitializeMembershipTableAsync(true, Cancellation);
        await InsertAsync(NewEntry(), other);
        await InsertAsync(NewEntry());

        await Table.DeleteMembershipTableEntriesAsync(ClusterId, Cancellation);

        await Table.InitializeMembershipTableAsync(true, Cancellation);
        var data = await Table.ReadAllAsync(Cancellation);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        var kept = await other.ReadAllAsync(Cancellation);
        Assert.Single(kept.Members);
        Assert.Equal(1, kept.Version.Version);
    }

    /// <summary>Inserts <paramref name="entry"/> into <paramref name="table"/> (<see cref="Table"/> by default) at the version after the current one, and checks it was written.</summary>
    private async Task InsertAsync(MembershipEntry entry, IMembershipTable? table = null)
    {
        table ??= Table;
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Cancellation)).Version.Next(), Cancellation));
    }

    /// <summary>A joining silo with a unique address, times on whole milliseconds (what every store keeps).</summary>
    protected MembershipEntry NewEntry() => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, Interlocked.Increment(ref _nextPort), 1),
        HostName = "host-a",
        SiloName = $"silo-{_nextPort}",
        Status = SiloStatus.Joining,
        ProxyPort = 30_000,
        StartTime = Now.AddMinutes(-1),
        IAmAliveTime = Now,
    };

    protected static MembershipEntry Copy(MembershipEntry entry, SiloStatus status, int? proxyPort = null, DateTime? aliveAt = null) => new()
    {
        SiloAddress = entry.SiloAddress,
        HostName = entry.HostName,
        SiloName = entry.SiloName,
        Status = status,
        ProxyPort = proxyPort ?? entry.ProxyPort,
        StartTime = entry.StartTime,
        IAmAliveTime = aliveAt ?? entry.IAmAliveTime,
    };

    protected static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(
            (expected.SuspectTimes ?? []).Select(s => (s.Item1, s.Item2)),
            (actual.SuspectTimes ?? []).Select(s => (s.Item1, s.Item2)));
    }
}
