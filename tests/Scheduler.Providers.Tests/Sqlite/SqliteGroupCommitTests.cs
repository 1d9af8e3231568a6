namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>
/// Group commit of the SQLite grain storage on a real file: concurrent writers, ETag races inside
/// one batch, a failing statement in a batch, cancellation while queued, and close.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private const string StateName = "state";
    private const int BatchFellBackEventId = 7106;
    private readonly TempDatabase _database = new();
    private readonly ProviderLifecycles _lifecycles = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _lifecycles.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task SqliteGrainStorage_200ConcurrentWritersOnDistinctGrains_AllSucceedAndReadBackWithTheirETags()
    {
        var storage = await StartStorageAsync();
        var grains = Enumerable.Range(0, 200).Select(i => (Id: TestGrains.NewId(), Name: $"writer-{i}")).ToList();

        var written = await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            var state = new GrainState<ContractState>(ContractState.Sample(grain.Name));
            await storage.WriteStateAsync(StateName, grain.Id, state);
            state.State = ContractState.Sample(grain.Name, items: 5);
            await storage.WriteStateAsync(StateName, grain.Id, state);
            return state;
        })));

        Assert.All(written, state => Assert.Equal("2", state.ETag));
        foreach (var (id, name) in grains)
        {
            var read = new GrainState<ContractState>(new ContractState());
            await storage.ReadStateAsync(StateName, id, read);
            Assert.Equal("2", read.ETag);
            ContractState.Sample(name, items: 5).AssertEqual(read.State);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public async Task SqliteGrainStorage_ConcurrentWritersOnSameGrainWithSameETag_ExactlyOneWins(string? expectedETag)
    {
        var storage = await StartStorageAsync();
        var grainId = TestGrains.NewId();
        if (expectedETag is not null)
        {
            await storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("first")));
        }

        var writers = Enumerable.Range(0, 32)
            .Select(i => new GrainState<ContractState>(ContractState.Sample($"writer-{i}")) { ETag = expectedETag })
            .ToList();

        var failures = await Task.WhenAll(writers.Select(state =>
            Record.ExceptionAsync(() => Task.Run(() => storage.WriteStateAsync(StateName, grainId, state)))));

        var winnerETag = expectedETag is null ? "1" : "2";
        var winnerIndex = Assert.Single(Enumerable.Range(0, writers.Count), i => failures[i] is null);
        var winner = writers[winnerIndex];
        Assert.Equal(winnerETag, winner.ETag);
        Assert.All(failures.OfType<Exception>(), failure => Assert.Equal(winnerETag, Assert.IsType<InconsistentStateException>(failure).StoredEtag));
        Assert.All(writers.Where(state => state != winner), loser => Assert.Equal(expectedETag, loser.ETag));
        var read = new GrainState<ContractState>(new ContractState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(winnerETag, read.ETag);
        ContractState.Sample($"writer-{winnerIndex}").AssertEqual(read.State);
    }

    [Fact]
    public async Task SqliteGrainStorage_OneStatementOfABatchFails_OnlyItsCallerFailsAndTheOthersAreCommittedOnce()
    {
        var logger = new RecordingLogger<SqliteGrainStorage>();
        var storage = await StartStorageAsync(logger);
        await storage.WriteStateAsync(StateName, TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("before")));
        await SqliteFile.ExecuteAsync(_database.FilePath, """
            CREATE TRIGGER reject_poison BEFORE INSERT ON orleans_grain_state WHEN NEW.state_name = 'poison'
            BEGIN SELECT RAISE(ABORT, 'poison state rejected'); END;
            """);
        var grains = Enumerable.Range(0, 20).Select(_ => TestGrains.NewId()).ToList();
        var states = grains.Select(_ => new GrainState<ContractState>(ContractState.Sample("good"))).ToList();
        var good = new List<Task>();
        Task poisoned;

        // Queued while another connection holds the write lock, so the writer can commit nothing
        // yet: whichever batch takes the poisoned write also holds good writes before and after it.
        await using (await SqliteFile.HoldWriteLockAsync(_database.FilePath))
        {
            good.AddRange(Enumerable.Range(0, 10).Select(i => storage.WriteStateAsync(StateName, grains[i], states[i])));
            poisoned = storage.WriteStateAsync("poison", TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("poison")));
            good.AddRange(Enumerable.Range(10, 10).Select(i => storage.WriteStateAsync(StateName, grains[i], states[i])));
        }

        var failure = await Assert.ThrowsAsync<SqliteException>(() => poisoned);
        Assert.Contains("poison state rejected", failure.Message, StringComparison.Ordinal);
        await Task.WhenAll(good);

        // ETag 1 everywhere: the failed batch kept nothing, or the inserts run again would have conflicted.
        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state WHERE state_name = 'poison'"));
        Assert.Equal(21L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state WHERE etag = 1 AND state_name = 'state'"));
        var fallback = Assert.Single(logger.Entries, entry => entry.EventId.Id == BatchFellBackEventId);
        Assert.Equal(LogLevel.Warning, fallback.Level);
        Assert.IsType<SqliteException>(fallback.Exception);
    }

    [Fact]
    public async Task SqliteGrainStorage_Close_CommitsEveryAcceptedWriteThenRefusesWrites()
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath);
        var lifecycle = await _lifecycles.StartAsync(storage);
        var grains = Enumerable.Range(0, 100).Select(i => (Id: TestGrains.NewId(), Name: $"accepted-{i}")).ToList();
        List<Task> writes;
        Task stop;

        await using (await SqliteFile.HoldWriteLockAsync(_database.FilePath))
        {
            writes = grains.Select(grain => storage.WriteStateAsync(StateName, grain.Id, new GrainState<ContractState>(ContractState.Sample(grain.Name)))).ToList();
            stop = lifecycle.OnStop(CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(200));

            // The writer cannot commit while the lock is held, so the close is still waiting.
            Assert.False(stop.IsCompleted);
        }

        await stop;
        Assert.Equal(100L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state"));
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => storage.WriteStateAsync(StateName, TestGrains.NewId(), new GrainState<ContractState>(ContractState.Sample("late"))));

        SqliteConnection.ClearAllPools();
        var reopened = await StartStorageAsync();
        foreach (var (id, name) in grains)
        {
            var read = new GrainState<ContractState>(new ContractState());
            await reopened.ReadStateAsync(StateName, id, read);
            Assert.Equal("1", read.ETag);
            ContractState.Sample(name).AssertEqual(read.State);
        }
    }

    [Fact]
    public async Task SqliteGroupCommitWriter_TokenCancelled_CancelsOnlyAWriteStillQueued()
    {
        var database = new SqliteDatabase(_database.FilePath, TimeSpan.FromSeconds(30), SqliteGrainStorageSchema.Create);
        var writer = new SqliteGroupCommitWriter(database, "grain storage", "test", NullLogger.Instance);
        using var taken = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var takenCancellation = new CancellationTokenSource();
        using var queuedCancellation = new CancellationTokenSource();

        // Binding runs on the writer's loop: the first write holds the loop after it was taken.
        var takenWrite = writer.ExecuteAsync(
            command =>
            {
                taken.Set();
                release.Wait(TimeSpan.FromSeconds(30)); // the writer's bind callback is synchronous by design: it holds the loop
                command.CommandText = Insert("taken");
            },
            takenCancellation.Token);
        Assert.True(taken.Wait(TimeSpan.FromSeconds(10)));
        var queuedWrite = writer.ExecuteAsync(command => command.CommandText = Insert("queued"), queuedCancellation.Token);
        await takenCancellation.CancelAsync();
        await queuedCancellation.CancelAsync();
        release.Set();

        Assert.Equal(1, await takenWrite);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queuedWrite);
        await writer.CloseAsync(CancellationToken.None);
        Assert.Equal(1L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state WHERE grain_id = 'taken'"));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(_database.FilePath, "SELECT count(*) FROM orleans_grain_state WHERE grain_id = 'queued'"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.ExecuteAsync(command => command.CommandText = Insert("late"), CancellationToken.None));

        static string Insert(string grainId) =>
            $"INSERT INTO orleans_grain_state (service_id, grain_id, state_name, etag, payload, modified_at) VALUES ('writer-test', '{grainId}', 'state', 1, NULL, 0)";
    }

    private async Task<SqliteGrainStorage> StartStorageAsync(ILogger<SqliteGrainStorage>? logger = null)
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath, logger: logger);
        await _lifecycles.StartAsync(storage);
        return storage;
    }
}
