using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Sqlite;

namespace Scheduler.Runtime.Tests.Reminders;

/// <summary>The contract every reminder table must meet.</summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected IReminderTable Table { get; private set; } = null!;

    public async Task InitializeAsync() => Table = await CreateTableAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upsert_ThenRead_RoundTripsEveryField()
    {
        var grain = new GrainId("request", "acme/r-1");
        var entry = new ReminderEntry(grain, "reminder-24h", T0, TimeSpan.FromHours(1), T0.AddHours(2), null);

        var etag = await Table.UpsertAsync(entry, CancellationToken.None);
        var read = await Table.ReadAsync(grain, "reminder-24h", CancellationToken.None);

        Assert.Equal(entry with { ETag = etag }, read);
    }

    [Fact]
    public async Task Upsert_Existing_ReplacesAndChangesETag()
    {
        var grain = new GrainId("request", "acme/r-1");
        var first = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        var second = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0.AddMinutes(5), null), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(T0.AddMinutes(5), (await Table.ReadAsync(grain, "r", CancellationToken.None))!.NextDue);
    }

    [Fact]
    public async Task UpdateNextDue_StaleETag_ChangesNothing()
    {
        var grain = new GrainId("request", "acme/r-1");
        var stale = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.FromMinutes(1), T0, null), CancellationToken.None);
        var current = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.FromMinutes(1), T0.AddMinutes(30), null), CancellationToken.None);

        Assert.Null(await Table.UpdateNextDueAsync(grain, "r", T0.AddMinutes(1), stale, CancellationToken.None));
        var updated = await Table.UpdateNextDueAsync(grain, "r", T0.AddMinutes(31), current, CancellationToken.None);

        Assert.NotNull(updated);
        Assert.Equal(T0.AddMinutes(31), (await Table.ReadAsync(grain, "r", CancellationToken.None))!.NextDue);
    }

    [Fact]
    public async Task Remove_WithStaleETag_KeepsRow_WithoutETag_RemovesIt()
    {
        var grain = new GrainId("request", "acme/r-1");
        var stale = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);

        Assert.False(await Table.RemoveAsync(grain, "r", stale, CancellationToken.None));
        Assert.NotNull(await Table.ReadAsync(grain, "r", CancellationToken.None));
        Assert.True(await Table.RemoveAsync(grain, "r", null, CancellationToken.None));
        Assert.Null(await Table.ReadAsync(grain, "r", CancellationToken.None));
    }

    [Fact]
    public async Task ReadRange_PartitionsByGrainHash()
    {
        var grains = Enumerable.Range(0, 40).Select(i => new GrainId("request", $"acme/r-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        }

        var all = await Table.ReadRangeAsync(0, 0, CancellationToken.None);
        var lower = await Table.ReadRangeAsync(uint.MaxValue, uint.MaxValue / 2, CancellationToken.None); // wraps: (max, half] = [0, half]
        var upper = await Table.ReadRangeAsync(uint.MaxValue / 2, uint.MaxValue, CancellationToken.None);

        Assert.Equal(40, all.Count);
        Assert.Equal(40, lower.Count + upper.Count);
        Assert.Empty(lower.Select(r => r.GrainId).Intersect(upper.Select(r => r.GrainId)));
        Assert.All(upper, r => Assert.True(r.GrainId.GetUniformHashCode() > uint.MaxValue / 2));
    }

    [Fact]
    public async Task ReadRange_BoundsAreExclusiveInclusive_AndAWrappingRangeHoldsBothEnds()
    {
        var grains = Enumerable.Range(0, 60).Select(i => new GrainId("request", $"acme/b-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var low = hashes[10];
        var high = hashes[49];

        var inner = await Table.ReadRangeAsync(low, high, CancellationToken.None);
        var wrapped = await Table.ReadRangeAsync(high, low, CancellationToken.None);

        // (low, high] excludes the grain at low and includes the one at high; (high, low] is the rest of the ring.
        Assert.Equal(hashes.Where(h => h > low && h <= high), inner.Select(r => r.GrainId.GetUniformHashCode()).Order());
        Assert.Equal(hashes.Where(h => h > high || h <= low), wrapped.Select(r => r.GrainId.GetUniformHashCode()).Order());
        Assert.Contains(wrapped, r => r.GrainId.GetUniformHashCode() == hashes[0]);
        Assert.Contains(wrapped, r => r.GrainId.GetUniformHashCode() == hashes[^1]);
    }

    [Fact]
    public async Task ReadRange_ThePartitionsRangesOfThreeSilos_ReadEveryRowExactlyOnce()
    {
        var grains = Enumerable.Range(0, 120).Select(i => new GrainId("participant", $"acme/p-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        }

        Scheduler.Runtime.Placement.SiloAddress[] silos = [.. Enumerable.Range(0, 3).Select(i => new Scheduler.Runtime.Placement.SiloAddress($"silo-{i}", new Uri($"http://127.0.0.1:{5000 + i}/"), 1))];
        var read = new List<ReminderEntry>();
        foreach (var silo in silos)
        {
            var ranges = ReminderPartition.RangesOf(ReminderPartition.BucketsOf(silo, silos));
            foreach (var range in ranges)
            {
                var rows = await Table.ReadRangeAsync(range.Begin, range.End, CancellationToken.None);
                Assert.All(rows, r => Assert.Equal(silo, ReminderPartition.OwnerOf(ReminderPartition.BucketOf(r.GrainId), silos)));
                read.AddRange(rows);
            }
        }

        Assert.Equal(grains.Select(g => g.ToString()).Order(StringComparer.Ordinal), read.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadRange_DoesNotReturnRemovedRows()
    {
        var grain = new GrainId("request", "acme/gone");
        var etag = await Table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        var hash = grain.GetUniformHashCode();
        Assert.Single(await Table.ReadRangeAsync(hash - 1, hash, CancellationToken.None));

        Assert.True(await Table.RemoveAsync(grain, "r", etag, CancellationToken.None));

        Assert.Empty(await Table.ReadRangeAsync(hash - 1, hash, CancellationToken.None));
        Assert.Empty(await Table.ReadRangeAsync(0, 0, CancellationToken.None));
    }

    [Fact]
    public async Task ReadGrain_ReturnsOnlyThatGrainsReminders_InNameOrder()
    {
        var grain = new GrainId("request", "acme/r-1");
        await Table.UpsertAsync(new ReminderEntry(grain, "b", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        await Table.UpsertAsync(new ReminderEntry(grain, "a", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        await Table.UpsertAsync(new ReminderEntry(new GrainId("request", "acme/r-2"), "c", T0, TimeSpan.Zero, T0, null), CancellationToken.None);

        var rows = await Table.ReadGrainAsync(grain, CancellationToken.None);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName));
    }

    protected abstract Task<IReminderTable> CreateTableAsync();
}

public sealed class MemoryReminderTableContractTests : ReminderTableContractTests
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}

public sealed class SqliteReminderTableContractTests : ReminderTableContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }

    protected override Task<IReminderTable> CreateTableAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "reminders.db"));
        return Task.FromResult<IReminderTable>(new SqliteReminderTable(_database, "test"));
    }
}
