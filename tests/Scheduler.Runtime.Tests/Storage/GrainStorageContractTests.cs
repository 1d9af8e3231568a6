using System.Text;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Tests.Storage;

/// <summary>The contract every grain storage provider must meet. Each provider derives one class from this.</summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private static readonly GrainId Grain = new("participant", "acme/p-1");

    protected IGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Read_NothingStored_ReturnsNull()
    {
        Assert.Null(await Storage.ReadAsync(Grain, "profile", CancellationToken.None));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsPayloadAndETag()
    {
        var etag = await Storage.WriteAsync(Grain, "profile", Bytes("{\"v\":1}"), null, CancellationToken.None);

        var record = await Storage.ReadAsync(Grain, "profile", CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal("{\"v\":1}", Text(record.Payload));
        Assert.Equal(etag, record.ETag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task Write_EachSuccess_ChangesETag()
    {
        var first = await Storage.WriteAsync(Grain, "profile", Bytes("1"), null, CancellationToken.None);
        var second = await Storage.WriteAsync(Grain, "profile", Bytes("2"), first, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", Text((await Storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentStateAndLeavesStoredStateUnchanged()
    {
        var first = await Storage.WriteAsync(Grain, "profile", Bytes("original"), null, CancellationToken.None);
        var second = await Storage.WriteAsync(Grain, "profile", Bytes("winner"), first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Grain, "profile", Bytes("stale"), first, CancellationToken.None));

        var stored = await Storage.ReadAsync(Grain, "profile", CancellationToken.None);
        Assert.Equal("winner", Text(stored!.Payload));
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task Write_NullETagWhenRecordExists_ThrowsInconsistentStateAndChangesNothing()
    {
        await Storage.WriteAsync(Grain, "profile", Bytes("first"), null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Grain, "profile", Bytes("second"), null, CancellationToken.None));

        Assert.Equal("first", Text((await Storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task Write_ETagWhenNothingStored_ThrowsInconsistentState()
    {
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Grain, "profile", Bytes("x"), "12345", CancellationToken.None));

        Assert.Null(await Storage.ReadAsync(Grain, "profile", CancellationToken.None));
    }

    [Fact]
    public async Task Clear_StaleETag_ThrowsInconsistentStateAndKeepsRecord()
    {
        var first = await Storage.WriteAsync(Grain, "profile", Bytes("a"), null, CancellationToken.None);
        await Storage.WriteAsync(Grain, "profile", Bytes("b"), first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Grain, "profile", first, CancellationToken.None));

        Assert.Equal("b", Text((await Storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task Clear_CurrentETag_RemovesRecord_AndStaleWriterCannotResurrectIt()
    {
        var etag = await Storage.WriteAsync(Grain, "profile", Bytes("a"), null, CancellationToken.None);
        await Storage.ClearAsync(Grain, "profile", etag, CancellationToken.None);
        Assert.Null(await Storage.ReadAsync(Grain, "profile", CancellationToken.None));

        var recreated = await Storage.WriteAsync(Grain, "profile", Bytes("new"), null, CancellationToken.None);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Grain, "profile", Bytes("stale"), etag, CancellationToken.None));

        var stored = await Storage.ReadAsync(Grain, "profile", CancellationToken.None);
        Assert.Equal("new", Text(stored!.Payload));
        Assert.Equal(recreated, stored.ETag);
    }

    [Fact]
    public async Task Records_AreKeyedByGrainAndStateName()
    {
        var other = new GrainId("participant", "acme/p-2");
        await Storage.WriteAsync(Grain, "profile", Bytes("p1-profile"), null, CancellationToken.None);
        await Storage.WriteAsync(Grain, "bookings", Bytes("p1-bookings"), null, CancellationToken.None);
        await Storage.WriteAsync(other, "profile", Bytes("p2-profile"), null, CancellationToken.None);

        Assert.Equal("p1-profile", Text((await Storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload));
        Assert.Equal("p1-bookings", Text((await Storage.ReadAsync(Grain, "bookings", CancellationToken.None))!.Payload));
        Assert.Equal("p2-profile", Text((await Storage.ReadAsync(other, "profile", CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var etag = await Storage.WriteAsync(Grain, "profile", Bytes("base"), null, CancellationToken.None);

        var attempts = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            try
            {
                await Storage.WriteAsync(Grain, "profile", Bytes($"writer-{i}"), etag, CancellationToken.None);
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        }));
        var winners = (await Task.WhenAll(attempts)).Where(i => i >= 0).ToList();

        var winner = Assert.Single(winners);
        Assert.Equal($"writer-{winner}", Text((await Storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload));
    }

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}

public sealed class MemoryGrainStorageContractTests : GrainStorageContractTests
{
    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}
