namespace Scheduler.Providers.Tests.Contracts;

/// <summary>
/// The behaviour every <see cref="IGrainStorage"/> adapter of the project must have. Derive once
/// per adapter and implement <see cref="CreateStorageAsync"/>; every test of this class then runs
/// against that adapter.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    protected const string StateName = "state";

    /// <summary>The storage under test, created before each test.</summary>
    protected IGrainStorage Storage { get; private set; } = null!;

    /// <summary>
    /// Creates a ready-to-use storage instance (initialized as the silo lifecycle would) that
    /// serializes with <paramref name="serializer"/>. Every call made for one test must return a
    /// new instance over the same, initially empty store, as two silos sharing it would be.
    /// </summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer);

    public async Task InitializeAsync() => Storage = await CreateStorageAsync(TestSerialization.GrainStorageSerializer);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadState_MissingState_ReportsNoRecordAndNullETag()
    {
        var state = new GrainState<ContractState>(ContractState.Sample("left over"));

        await Storage.ReadStateAsync(StateName, TestGrains.NewId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Empty(state.State.Items);
    }

    [Fact]
    public async Task WriteState_ThenRead_RoundTripsStateAndETag()
    {
        var grainId = TestGrains.NewId();
        var written = new GrainState<ContractState>(ContractState.Sample("alice"));

        await Storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        ContractState.Sample("alice").AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_SecondWrite_ChangesETagAndState()
    {
        var (grainId, state) = await WriteNewAsync("v1");
        var firstETag = state.ETag;

        state.State = ContractState.Sample("v2", items: 5);
        await Storage.WriteStateAsync(StateName, grainId, state);
        var read = await ReadAsync(grainId);

        Assert.NotEqual(firstETag, state.ETag);
        Assert.Equal(state.ETag, read.ETag);
        ContractState.Sample("v2", items: 5).AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_StaleETag_ThrowsAndKeepsStoredState()
    {
        var (grainId, current) = await WriteNewAsync("v1");
        var stale = new GrainState<ContractState>(ContractState.Sample("stale")) { ETag = current.ETag };
        current.State = ContractState.Sample("v2");
        await Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(grainId);
        Assert.Equal(current.ETag, read.ETag);
        ContractState.Sample("v2").AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_Rejected_LeavesCallersETagUnchanged()
    {
        var grainId = TestGrains.NewId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("v1")));
        var stale = new GrainState<ContractState>(ContractState.Sample("stale")) { ETag = "12345" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal("12345", stale.ETag);
    }

    [Fact]
    public async Task WriteState_NullETagWhenRecordExists_ThrowsAndKeepsStoredState()
    {
        var (grainId, first) = await WriteNewAsync("first");

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("second"))));

        var read = await ReadAsync(grainId);
        Assert.Equal(first.ETag, read.ETag);
        ContractState.Sample("first").AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_ETagForMissingRecord_Throws()
    {
        var state = new GrainState<ContractState>(ContractState.Sample("ghost")) { ETag = "7" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, TestGrains.NewId(), state));
    }

    [Fact]
    public async Task ClearState_StaleETag_ThrowsAndKeepsRecord()
    {
        var (grainId, current) = await WriteNewAsync("v1");
        var stale = new GrainState<ContractState>(current.State) { ETag = current.ETag };
        current.State = ContractState.Sample("v2");
        await Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(current.ETag, read.ETag);
        ContractState.Sample("v2").AssertEqual(read.State);
    }

    [Fact]
    public async Task ClearState_NullETagWhenRecordExists_ThrowsAndKeepsRecord()
    {
        var grainId = TestGrains.NewId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(ContractState.Sample("kept")));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, new GrainState<ContractState>(new ContractState())));

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        ContractState.Sample("kept").AssertEqual(read.State);
    }

    [Fact]
    public async Task ClearState_ThenRead_ReportsMissingState()
    {
        var (grainId, state) = await WriteNewAsync("doomed");

        await Storage.ClearStateAsync(StateName, grainId, state);
        var read = await ReadAsync(grainId);

        Assert.False(state.RecordExists);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.NotNull(read.State);
        Assert.Empty(read.State.Items);
    }

    [Fact]
    public async Task ClearState_NeverWritten_Succeeds()
    {
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(new ContractState());

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task WriteState_AfterClearWithReadETag_CreatesRecordAgain()
    {
        var (grainId, state) = await WriteNewAsync("v1");
        await Storage.ClearStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        reread.State = ContractState.Sample("reborn");
        await Storage.WriteStateAsync(StateName, grainId, reread);

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(reread.ETag, read.ETag);
        ContractState.Sample("reborn").AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_ConcurrentFirstWritesFromTwoInstances_ExactlyOneWins()
    {
        var other = await CreateStorageAsync(TestSerialization.GrainStorageSerializer);
        for (var round = 0; round < 10; round++)
        {
            var grainId = TestGrains.NewId();
            var writers = new[] { (Storage, ContractState.Sample("a")), (other, ContractState.Sample("b")) }
                .Select(w => (w.Item1, new GrainState<ContractState>(w.Item2)))
                .ToList();

            await AssertExactlyOneWinsAsync(grainId, writers);
        }
    }

    [Fact]
    public async Task WriteState_ConcurrentWritesWithSameETag_ExactlyOneWins()
    {
        var (grainId, initial) = await WriteNewAsync("v1");
        var writers = Enumerable.Range(0, 8)
            .Select(i => (Storage, new GrainState<ContractState>(ContractState.Sample($"writer-{i}")) { ETag = initial.ETag }))
            .ToList();

        await AssertExactlyOneWinsAsync(grainId, writers);
    }

    [Fact]
    public async Task WriteState_DifferentGrainsAndStateNames_AreIndependent()
    {
        var grainA = TestGrains.NewId();
        var grainB = TestGrains.NewId();
        var aMain = new GrainState<ContractState>(ContractState.Sample("a-main"));
        var aOther = new GrainState<ContractState>(ContractState.Sample("a-other"));
        var bMain = new GrainState<ContractState>(ContractState.Sample("b-main"));

        await Storage.WriteStateAsync(StateName, grainA, aMain);
        await Storage.WriteStateAsync("other", grainA, aOther);
        await Storage.WriteStateAsync(StateName, grainB, bMain);
        await Storage.ClearStateAsync("other", grainA, aOther);

        ContractState.Sample("a-main").AssertEqual((await ReadAsync(grainA)).State);
        ContractState.Sample("b-main").AssertEqual((await ReadAsync(grainB)).State);
        Assert.False((await ReadAsync(grainA, "other")).RecordExists);
        Assert.False((await ReadAsync(TestGrains.NewId())).RecordExists);
    }

    [Fact]
    public async Task WriteState_LargeState_RoundTrips()
    {
        var grainId = TestGrains.NewId();
        var large = new ContractState
        {
            Name = "large",
            Items = Enumerable.Range(0, 3_000).Select(i => $"{i:D6}-{new string((char)('a' + (i % 26)), 94)}").ToList(),
            Count = null,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.True(TestSerialization.GrainStorageSerializer.Serialize(large).ToMemory().Length > 300 * 1024);

        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ContractState>(large));
        var read = await ReadAsync(grainId);

        large.AssertEqual(read.State);
    }

    /// <summary>Writes <c>ContractState.Sample(name)</c> as the state of a new grain.</summary>
    private async Task<(GrainId GrainId, GrainState<ContractState> State)> WriteNewAsync(string name)
    {
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(ContractState.Sample(name));
        await Storage.WriteStateAsync(StateName, grainId, state);
        return (grainId, state);
    }

    protected async Task<GrainState<ContractState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<ContractState>(new ContractState());
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    /// <summary>Runs the writes at once; exactly one may succeed, the others must see a conflict, and the store must hold the winner's state.</summary>
    private async Task AssertExactlyOneWinsAsync(GrainId grainId, IReadOnlyList<(IGrainStorage Storage, GrainState<ContractState> State)> writers)
    {
        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await Task.Run(() => writer.Storage.WriteStateAsync(StateName, grainId, writer.State));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        var winner = writers[Array.IndexOf(outcomes, true)].State;
        var read = await ReadAsync(grainId);
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(winner.State!.Name, read.State!.Name);
    }
}
