namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>What the SQLite reminder table does beyond the contract: the file, durability, scoping, the hash index.</summary>
public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SqliteReminderTable_Start_CreatesWalFileWithHashIndex()
    {
        await SqliteAdapters.ReminderTable(_database.FilePath).StartAsync(CancellationToken.None);

        Assert.Equal("wal", await SqliteFile.ScalarAsync(_database.FilePath, "PRAGMA journal_mode"));
        Assert.Equal(1L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'orleans_reminders_by_hash'"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SqliteReminderTable_RangeQuery_SeeksTheHashIndex(bool wraps)
    {
        await SqliteAdapters.ReminderTable(_database.FilePath).StartAsync(CancellationToken.None);

        var plan = await SqliteFile.QueryPlanAsync(
            _database.FilePath, SqliteReminderTable.RangeQuery(wraps), ("$service", "s"), ("$begin", 10L), ("$end", 20L));

        var scans = plan.Where(step => step.StartsWith("SEARCH", StringComparison.Ordinal) || step.StartsWith("SCAN", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, step => Assert.Contains("orleans_reminders_by_hash (service_id=? AND grain_hash", step, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SqliteReminderTable_SecondInstanceAfterClose_ReadsWhatFirstWrote()
    {
        var grainId = TestGrains.NewId();
        var first = SqliteAdapters.ReminderTable(_database.FilePath);
        await first.StartAsync(CancellationToken.None);
        var etag = await first.UpsertRow(new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = "durable",
            StartAt = new DateTime(2030, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567),
            Period = TimeSpan.FromTicks(36_000_000_001),
        });
        await first.StopAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var second = SqliteAdapters.ReminderTable(_database.FilePath);
        await second.StartAsync(CancellationToken.None);
        var read = await second.ReadRow(grainId, "durable");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(new DateTime(2030, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567), read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromTicks(36_000_000_001), read.Period);
    }

    [Fact]
    public async Task SqliteReminderTable_DifferentServiceIds_DoNotSeeOrClearEachOthersRows()
    {
        var grainId = TestGrains.NewId();
        var first = SqliteAdapters.ReminderTable(_database.FilePath, serviceId: "service-a");
        var second = SqliteAdapters.ReminderTable(_database.FilePath, serviceId: "service-b");
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        var etag = await first.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", Period = TimeSpan.FromMinutes(1) });

        Assert.Empty((await second.ReadRows(0u, 0u)).Reminders);
        Assert.Empty((await second.ReadRows(grainId)).Reminders);
        Assert.False(await second.RemoveRow(grainId, "r", etag!));
        await second.TestOnlyClearTable();

        Assert.Single((await first.ReadRows(0u, 0u)).Reminders);
    }
}
