namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>DynamoDB-specific behaviour of the grain storage provider, against dynalite.</summary>
public sealed class DynamoDbGrainStorageTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private static readonly GrainId Grain = new("participant", "acme/p-1");

    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task Write_PayloadOver400KB_ThrowsTooLargeAndWritesNothing()
    {
        var storage = NewStorage(dynalite.Client);

        await Assert.ThrowsAsync<GrainStateTooLargeException>(() =>
            storage.WriteAsync(Grain, "profile", new byte[400 * 1024], null, CancellationToken.None));

        Assert.Null(await storage.ReadAsync(Grain, "profile", CancellationToken.None));
    }

    [Fact]
    public async Task Write_OversizedReplacement_KeepsPreviousRecord()
    {
        var storage = NewStorage(dynalite.Client);
        var etag = await storage.WriteAsync(Grain, "profile", "small"u8.ToArray(), null, CancellationToken.None);

        await Assert.ThrowsAsync<GrainStateTooLargeException>(() =>
            storage.WriteAsync(Grain, "profile", new byte[410 * 1024], etag, CancellationToken.None));

        var stored = await storage.ReadAsync(Grain, "profile", CancellationToken.None);
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal("small"u8.ToArray(), stored.Payload.ToArray());
    }

    [Fact]
    public async Task Write_PayloadJustUnderLimit_IsStoredAndReadBack()
    {
        var storage = NewStorage(dynalite.Client);
        var payload = new byte[(400 * 1024) - 200];
        Random.Shared.NextBytes(payload);

        await storage.WriteAsync(Grain, "profile", payload, null, CancellationToken.None);

        Assert.Equal(payload, (await storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload.ToArray());
    }

    [Fact]
    public async Task Records_NewProviderAndClientOverSameTable_SeesThem()
    {
        var etag = await NewStorage(dynalite.Client).WriteAsync(Grain, "profile", "{\"v\":7}"u8.ToArray(), null, CancellationToken.None);

        using var client = dynalite.NewClient();
        var restarted = NewStorage(client);
        var record = await restarted.ReadAsync(Grain, "profile", CancellationToken.None);

        Assert.Equal(etag, record!.ETag);
        Assert.Equal("{\"v\":7}"u8.ToArray(), record.Payload.ToArray());
        await restarted.WriteAsync(Grain, "profile", "{\"v\":8}"u8.ToArray(), etag, CancellationToken.None);
    }

    [Fact]
    public async Task Write_StaleETag_ExceptionCarriesStoredAndExpectedETags()
    {
        var storage = NewStorage(dynalite.Client);
        var first = await storage.WriteAsync(Grain, "profile", "a"u8.ToArray(), null, CancellationToken.None);
        var second = await storage.WriteAsync(Grain, "profile", "b"u8.ToArray(), first, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "profile", "c"u8.ToArray(), first, CancellationToken.None));

        Assert.Equal(second, error.StoredETag);
        Assert.Equal(first, error.CurrentETag);
    }

    [Fact]
    public async Task Clear_NullETagWhenNothingStored_Succeeds_AndWhenStored_Throws()
    {
        var storage = NewStorage(dynalite.Client);
        await storage.ClearAsync(Grain, "profile", null, CancellationToken.None);
        await storage.WriteAsync(Grain, "profile", "a"u8.ToArray(), null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(Grain, "profile", null, CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync(Grain, "profile", CancellationToken.None));
    }

    [Fact]
    public async Task Write_UnparsableETag_ThrowsInconsistentState()
    {
        var storage = NewStorage(dynalite.Client);
        await storage.WriteAsync(Grain, "profile", "a"u8.ToArray(), null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "profile", "b"u8.ToArray(), "not-an-etag", CancellationToken.None));
    }

    [Fact]
    public async Task ServiceIds_AreIsolated()
    {
        await NewStorage(dynalite.Client).WriteAsync(Grain, "profile", "{}"u8.ToArray(), null, CancellationToken.None);

        var other = new DynamoDbGrainStorage(dynalite.Client, DynaliteFixture.GrainStateTable, "other-service", TimeProvider.System);

        Assert.Null(await other.ReadAsync(Grain, "profile", CancellationToken.None));
    }

    [Fact]
    public async Task EnsureTable_ExistingTable_ReturnsAtOnceWithoutChangingData()
    {
        var storage = NewStorage(dynalite.Client);
        await storage.WriteAsync(Grain, "profile", "kept"u8.ToArray(), null, CancellationToken.None);

        await DynamoDbTables.EnsureTableAsync(dynalite.Client, DynaliteFixture.GrainStateTable, TimeProvider.System, TimeSpan.FromSeconds(10), null, CancellationToken.None);

        Assert.Equal("kept"u8.ToArray(), (await storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Payload.ToArray());
    }

    private DynamoDbGrainStorage NewStorage(Amazon.DynamoDBv2.IAmazonDynamoDB client) =>
        new(client, DynaliteFixture.GrainStateTable, _serviceId, TimeProvider.System);
}
