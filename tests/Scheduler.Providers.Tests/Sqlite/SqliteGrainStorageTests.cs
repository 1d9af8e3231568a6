using Microsoft.Extensions.Time.Testing;

namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>What the SQLite grain storage does beyond the contract: the file, the ETag format, tombstones, scoping.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "state";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SqliteGrainStorage_FirstUse_CreatesDirectoryAndWalFile()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);

        await storage.WriteStateAsync(StateName, TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("a")));

        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal("wal", await SqliteFile.ScalarAsync(_database.FilePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task SqliteGrainStorage_SecondInstanceAfterClose_ReadsWhatFirstWrote()
    {
        var grainId = TestGrains.NewId();
        var written = new GrainState<ContractState>(ContractState.Sample("durable"));
        await SqliteAdapters.GrainStorage(_database.FilePath).WriteStateAsync(StateName, grainId, written);
        SqliteConnection.ClearAllPools();

        var read = new GrainState<ContractState>(new ContractState());
        await SqliteAdapters.GrainStorage(_database.FilePath).ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        ContractState.Sample("durable").AssertEqual(read.State);
    }

    [Fact]
    public async Task SqliteGrainStorage_WritesAndClear_ETagCountsUpFromOne()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(ContractState.Sample("a"));
        var etags = new List<string?>();

        await storage.WriteStateAsync(StateName, grainId, state);
        etags.Add(state.ETag);
        await storage.WriteStateAsync(StateName, grainId, state);
        etags.Add(state.ETag);
        await storage.ClearStateAsync(StateName, grainId, state);
        etags.Add(state.ETag);

        Assert.Equal(["1", "2", "3"], etags);
    }

    [Fact]
    public async Task SqliteGrainStorage_ETagFromBeforeClear_IsRefusedAfterStateIsWrittenAgain()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var grainId = TestGrains.NewId();
        var stale = new GrainState<ContractState>(ContractState.Sample("old"));
        await storage.WriteStateAsync(StateName, grainId, stale);
        var owner = new GrainState<ContractState>(stale.State) { ETag = stale.ETag };
        await storage.ClearStateAsync(StateName, grainId, owner);
        owner.State = ContractState.Sample("new");
        await storage.WriteStateAsync(StateName, grainId, owner);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        Assert.Equal(1L, await CountRowsAsync());
    }

    [Fact]
    public async Task SqliteGrainStorage_DeleteStateOnClear_RemovesRowAndNullsETag()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath, deleteStateOnClear: true);
        await storage.WriteStateAsync(StateName, TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("kept")));
        var grainId = TestGrains.NewId();
        var cleared = new GrainState<ContractState>(ContractState.Sample("cleared"));
        await storage.WriteStateAsync(StateName, grainId, cleared);

        await storage.ClearStateAsync(StateName, grainId, cleared);

        Assert.Null(cleared.ETag);
        Assert.Equal(1L, await CountRowsAsync());
    }

    [Fact]
    public async Task SqliteGrainStorage_DefaultClear_KeepsRowWithoutPayload()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(ContractState.Sample("a"));
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.Equal(1L, await CountRowsAsync());
        Assert.Equal(0L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state WHERE payload IS NOT NULL"));
    }

    [Fact]
    public async Task SqliteGrainStorage_Conflict_ReportsStoredAndCurrentETag()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(ContractState.Sample("a"));
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.WriteStateAsync(StateName, grainId, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(new ContractState()) { ETag = "1" }));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
    }

    [Fact]
    public async Task SqliteGrainStorage_DifferentServiceIds_DoNotSeeEachOthersState()
    {
        var grainId = TestGrains.NewId();
        var first = SqliteAdapters.GrainStorage(_database.FilePath, serviceId: "service-a");
        var second = SqliteAdapters.GrainStorage(_database.FilePath, serviceId: "service-b");
        await first.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("a")));

        var read = new GrainState<ContractState>(new ContractState());
        await second.ReadStateAsync(StateName, grainId, read);
        await second.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("b")));

        Assert.False(read.RecordExists);
        Assert.Equal(2L, await CountRowsAsync());
    }

    [Fact]
    public async Task SqliteGrainStorage_Write_StampsModifiedAtFromTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var storage = SqliteAdapters.GrainStorage(_database.FilePath, time: clock);

        await storage.WriteStateAsync(StateName, TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("a")));

        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), await SqliteFile.ScalarAsync(_database.FilePath, "SELECT modified_at FROM orleans_grain_state"));
    }

    [Fact]
    public async Task SqliteGrainStorage_UnparsableETag_IsAConflictNotACrash()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var grainId = TestGrains.NewId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("a")));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(new ContractState()) { ETag = "W/\"abc\"" }));
    }

    private Task<object?> CountRowsAsync() => SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state");
}
