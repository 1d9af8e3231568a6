namespace Scheduler.Providers.Tests.Contracts;

/// <summary>
/// The behaviour every <see cref="IReminderTable"/> adapter of the project must have. Derive once
/// per adapter and implement <see cref="CreateTableAsync"/>; the base starts the table as
/// Orleans' reminder service does, and every test of this class then runs against it.
/// </summary>
public abstract class ReminderTableContract : IAsyncLifetime
{
    private static readonly DateTime StartAt = new(2025, 10, 26, 0, 30, 0, DateTimeKind.Utc);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    /// <summary>The table under test, started before each test.</summary>
    protected IReminderTable Table { get; private set; } = null!;

    protected CancellationToken Cancellation => _timeout.Token;

    /// <summary>
    /// Creates a table instance over a store that holds no reminders of its service yet; the base
    /// calls <see cref="IReminderTable.StartAsync"/> on it.
    /// </summary>
    protected abstract Task<IReminderTable> CreateTableAsync();

    public async Task InitializeAsync()
    {
        Table = await CreateTableAsync();
        await Table.StartAsync(Cancellation);
    }

    public virtual async Task DisposeAsync()
    {
        await Table.StopAsync(CancellationToken.None);
        _timeout.Dispose();
    }

    [Fact]
    public async Task ReadRow_Missing_ReturnsNull()
    {
        Assert.Null(await Table.ReadRow(TestGrains.NewId(), "none", Cancellation));
    }

    [Fact]
    public async Task UpsertRow_ThenReadRow_ReturnsEntryWithETag()
    {
        var entry = Entry(TestGrains.NewId(), "daily", TimeSpan.FromDays(1));

        var etag = await Table.UpsertRow(entry, Cancellation);
        var read = await Table.ReadRow(entry.GrainId, "daily", Cancellation);

        Assert.False(string.IsNullOrEmpty(etag));
        Assert.NotNull(read);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal("daily", read.ReminderName);
        Assert.Equal(StartAt, read.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromDays(1), read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task UpsertRow_Again_ReturnsNewETagAndReplacesEntry()
    {
        var grainId = TestGrains.NewId();
        var first = await Table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)), Cancellation);

        var second = await Table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(15)), Cancellation);
        var read = await Table.ReadRow(grainId, "r", Cancellation);

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal(second, read.ETag);
        Assert.Equal(TimeSpan.FromMinutes(15), read.Period);
        Assert.Single((await Table.ReadRows(grainId, Cancellation)).Reminders);
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var grainId = TestGrains.NewId();
        var stale = await Table.UpsertRow(Entry(grainId, "r"), Cancellation);
        var current = await Table.UpsertRow(Entry(grainId, "r"), Cancellation);

        Assert.False(await Table.RemoveRow(grainId, "r", stale!, Cancellation));

        var read = await Table.ReadRow(grainId, "r", Cancellation);
        Assert.NotNull(read);
        Assert.Equal(current, read.ETag);
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_ReturnsTrueAndDeletesRow()
    {
        var grainId = TestGrains.NewId();
        var etag = await Table.UpsertRow(Entry(grainId, "r"), Cancellation);
        await Table.UpsertRow(Entry(grainId, "kept"), Cancellation);

        Assert.True(await Table.RemoveRow(grainId, "r", etag!, Cancellation));

        Assert.Null(await Table.ReadRow(grainId, "r", Cancellation));
        Assert.NotNull(await Table.ReadRow(grainId, "kept", Cancellation));
        Assert.False(await Table.RemoveRow(grainId, "r", etag!, Cancellation));
    }

    [Fact]
    public async Task RemoveRow_AfterRemoveAndReRegister_OldETagDoesNotRemoveNewRow()
    {
        var grainId = TestGrains.NewId();
        var old = await Table.UpsertRow(Entry(grainId, "r"), Cancellation);
        Assert.True(await Table.RemoveRow(grainId, "r", old!, Cancellation));
        var renewed = await Table.UpsertRow(Entry(grainId, "r"), Cancellation);

        Assert.NotEqual(old, renewed);
        Assert.False(await Table.RemoveRow(grainId, "r", old!, Cancellation));
        Assert.NotNull(await Table.ReadRow(grainId, "r", Cancellation));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsReminders()
    {
        var grainId = TestGrains.NewId();
        var otherId = TestGrains.NewId();
        await Table.UpsertRow(Entry(grainId, "a"), Cancellation);
        await Table.UpsertRow(Entry(grainId, "b"), Cancellation);
        await Table.UpsertRow(Entry(otherId, "a"), Cancellation);

        var rows = (await Table.ReadRows(grainId, Cancellation)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grainId, r.GrainId));
        Assert.Empty((await Table.ReadRows(TestGrains.NewId(), Cancellation)).Reminders);
    }

    [Fact]
    public async Task ReadRows_NormalRange_ReturnsRowsWithHashAfterBeginUpToEnd()
    {
        var ring = await FillRingAsync(12);
        var begin = ring[3].Hash;
        var end = ring[8].Hash;

        var rows = (await Table.ReadRows(begin, end, Cancellation)).Reminders;

        AssertSameGrains(ring.Where(g => g.Hash > begin && g.Hash <= end), rows);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task ReadRows_WrappingRange_ReturnsRowsAfterBeginOrUpToEnd()
    {
        var ring = await FillRingAsync(12);
        var begin = ring[8].Hash;
        var end = ring[3].Hash;

        var rows = (await Table.ReadRows(begin, end, Cancellation)).Reminders;

        AssertSameGrains(ring.Where(g => g.Hash > begin || g.Hash <= end), rows);
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public async Task ReadRows_BeginEqualsEnd_ReturnsWholeRing()
    {
        var ring = await FillRingAsync(8);

        var rows = (await Table.ReadRows(ring[2].Hash, ring[2].Hash, Cancellation)).Reminders;

        AssertSameGrains(ring, rows);
    }

    [Fact]
    public async Task ReadRows_FullRingFromZero_ReturnsAllRowsWithNonZeroHash()
    {
        var ring = await FillRingAsync(8);

        var rows = (await Table.ReadRows(0u, uint.MaxValue, Cancellation)).Reminders;

        AssertSameGrains(ring.Where(g => g.Hash > 0), rows);
    }

    [Fact]
    public async Task ReadRows_RangeBetweenNeighbours_ExcludesBeginAndIncludesEnd()
    {
        var ring = await FillRingAsync(6);

        var rows = (await Table.ReadRows(ring[1].Hash, ring[2].Hash, Cancellation)).Reminders;

        AssertSameGrains([ring[2]], rows);
    }

    [Fact]
    public async Task UpsertRow_ConcurrentDifferentReminders_AllLand()
    {
        var grainIds = Enumerable.Range(0, 4).Select(_ => TestGrains.NewId()).ToList();
        var entries = grainIds.SelectMany(id => Enumerable.Range(0, 8).Select(i => Entry(id, $"r{i}"))).ToList();

        var etags = await Task.WhenAll(entries.Select(e => Task.Run(() => Table.UpsertRow(e, Cancellation))));

        Assert.All(etags, etag => Assert.False(string.IsNullOrEmpty(etag)));
        foreach (var id in grainIds)
        {
            Assert.Equal(8, (await Table.ReadRows(id, Cancellation)).Reminders.Count);
        }
    }

    [Fact]
    public async Task TestOnlyClearTable_RemovesAllRows()
    {
        var ring = await FillRingAsync(5);

        await Table.TestOnlyClearTable(Cancellation);

        Assert.Empty((await Table.ReadRows(0u, 0u, Cancellation)).Reminders);
        Assert.Empty((await Table.ReadRows(ring[0].Id, Cancellation)).Reminders);
    }

    protected static ReminderEntry Entry(GrainId grainId, string name, TimeSpan? period = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = StartAt,
        Period = period ?? TimeSpan.FromMinutes(10),
    };

    /// <summary>Registers one reminder on each of <paramref name="count"/> grains with distinct hashes, sorted by hash.</summary>
    private async Task<IReadOnlyList<(GrainId Id, uint Hash)>> FillRingAsync(int count)
    {
        var ring = TestGrains.ByHash(count);
        foreach (var (id, _) in ring)
        {
            await Table.UpsertRow(Entry(id, "tick"), Cancellation);
        }

        return ring;
    }

    private static void AssertSameGrains(IEnumerable<(GrainId Id, uint Hash)> expected, IList<ReminderEntry> actual) =>
        Assert.Equal(
            expected.Select(g => g.Id.ToString()).Order(StringComparer.Ordinal),
            actual.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
}
