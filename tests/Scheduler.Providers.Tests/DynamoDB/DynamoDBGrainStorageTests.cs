using Amazon.DynamoDBv2;
using Microsoft.Extensions.Time.Testing;

namespace Scheduler.Providers.Tests.DynamoDB;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBGrainStorageTests(DynaliteFixture dynalite) : IDisposable
{
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";
    private readonly List<IDisposable> _created = [];

    public void Dispose() => _created.ForEach(c => c.Dispose());

    [Fact]
    public async Task WriteState_StateOver400KB_ThrowsTypedErrorAndWritesNothing()
    {
        var storage = await CreateAsync();
        var grainId = TestGrains.NewId();
        var stored = new GrainState<ContractState>(ContractState.Sample("v1"));
        await storage.WriteStateAsync("state", grainId, stored);
        var puts = PutCount();

        var tooLarge = new GrainState<ContractState>(Huge()) { ETag = stored.ETag };
        var error = await Assert.ThrowsAsync<DynamoDBItemSizeExceededException>(() => storage.WriteStateAsync("state", grainId, tooLarge));
        var fresh = new GrainState<ContractState>(Huge());
        await Assert.ThrowsAsync<DynamoDBItemSizeExceededException>(() => storage.WriteStateAsync("state", TestGrains.NewId(), fresh));

        Assert.True(error.ItemBytes > DynamoDBItemSizeExceededException.MaxBytes);
        Assert.Equal(stored.ETag, tooLarge.ETag);
        Assert.Null(fresh.ETag);
        Assert.Equal(puts, PutCount());
        var read = new GrainState<ContractState>(new ContractState());
        await storage.ReadStateAsync("state", grainId, read);
        Assert.Equal(stored.ETag, read.ETag);
        ContractState.Sample("v1").AssertEqual(read.State);
    }

    [Fact]
    public async Task WriteState_TwiceThenClear_StoresTheOfficialItemLayout()
    {
        var storage = await CreateAsync();
        var grainId = TestGrains.NewId();
        var state = new GrainState<ContractState>(ContractState.Sample("v1"));

        await storage.WriteStateAsync("profile", grainId, state);
        var first = await RawAsync(DynamoDBAdapters.GrainStateTable, grainId, "profile");
        await storage.WriteStateAsync("profile", grainId, state);
        var second = await RawAsync(DynamoDBAdapters.GrainStateTable, grainId, "profile");
        await storage.ClearStateAsync("profile", grainId, state);
        var cleared = await RawAsync(DynamoDBAdapters.GrainStateTable, grainId, "profile");

        Assert.Equal($"{_serviceId}_{grainId}", first["GrainReference"].S);
        Assert.Equal("profile", first["GrainType"].S);
        Assert.Equal("0", first["ETag"].N);
        Assert.True(first["GrainState"].B.Length > 0);
        Assert.Equal("1", second["ETag"].N);
        Assert.Equal("2", cleared["ETag"].N);
        Assert.True(cleared["GrainState"].NULL);
        Assert.Equal("2", state.ETag);
    }

    [Fact]
    public async Task WriteState_StaleETag_ReportsStoredAndExpectedETags()
    {
        var storage = await CreateAsync();
        var grainId = TestGrains.NewId();
        var current = new GrainState<ContractState>(ContractState.Sample("v1"));
        await storage.WriteStateAsync("state", grainId, current);
        await storage.WriteStateAsync("state", grainId, current);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("state", grainId, new GrainState<ContractState>(ContractState.Sample("stale")) { ETag = "0" }));

        Assert.Equal("1", error.StoredEtag);
        Assert.Equal("0", error.CurrentEtag);
    }

    [Fact]
    public async Task WriteState_WithTimeToLive_StoresExpiryFromTheClockAndTheCreatedTableExpiresItems()
    {
        var table = DynaliteFixture.NewTableName("ttl");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 30, 0, 30, 0, TimeSpan.Zero));
        var storage = await CreateAsync(o => { o.TableName = table; o.TimeToLive = TimeSpan.FromDays(30); }, clock);
        var grainId = TestGrains.NewId();

        await storage.WriteStateAsync("state", grainId, new GrainState<ContractState>(ContractState.Sample("v1")));

        var item = await RawAsync(table, grainId, "state");
        Assert.Equal(new DateTimeOffset(2025, 4, 29, 0, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["GrainTtl"].N);
        var ttl = await dynalite.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table });
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveDescription.TimeToLiveStatus);
        Assert.Equal("GrainTtl", ttl.TimeToLiveDescription.AttributeName);
    }

    [Fact]
    public async Task Initialize_MissingTable_CreatesItWithTheOfficialKeys()
    {
        var table = DynaliteFixture.NewTableName("grains");

        await CreateAsync(o => o.TableName = table);

        var description = (await dynalite.Client.DescribeTableAsync(table)).Table;
        Assert.Equal(TableStatus.ACTIVE, description.TableStatus);
        Assert.Contains(description.KeySchema, k => k.AttributeName == "GrainReference" && k.KeyType == KeyType.HASH);
        Assert.Contains(description.KeySchema, k => k.AttributeName == "GrainType" && k.KeyType == KeyType.RANGE);
    }

    [Fact]
    public async Task Initialize_MissingTableWithCreationOff_FailsNamingTheOption()
    {
        var table = DynaliteFixture.NewTableName("absent");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(o => { o.TableName = table; o.CreateIfNotExists = false; }));

        Assert.Contains(table, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DynamoDBStorageOptions.CreateIfNotExists), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialize_TableWithOtherKeys_FailsNamingTheNeededKeys()
    {
        var table = DynaliteFixture.NewTableName("other-keys");
        await dynalite.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(o => o.TableName = table));

        Assert.Contains("GrainReference HASH, GrainType RANGE", error.Message, StringComparison.Ordinal);
    }

    private async Task<DynamoDBGrainStorage> CreateAsync(Action<DynamoDBStorageOptions>? configure = null, TimeProvider? time = null)
    {
        var storage = await DynamoDBAdapters.GrainStorageAsync(dynalite, _serviceId, configure: configure, time: time);
        _created.Add(storage);
        return storage;
    }

    private int PutCount() => dynalite.Shim.Requests.Count(r => r.Operation is "PutItem" or "UpdateItem" or "DeleteItem");

    private Task<Dictionary<string, AttributeValue>> RawAsync(string table, GrainId grainId, string stateName) =>
        dynalite.RawItemAsync(table, ("GrainReference", $"{_serviceId}_{grainId}"), ("GrainType", stateName));

    private static ContractState Huge() => new()
    {
        Name = "huge",
        Items = Enumerable.Range(0, 4_300).Select(i => $"{i:D6}-{new string('x', 94)}").ToList(),
    };
}
