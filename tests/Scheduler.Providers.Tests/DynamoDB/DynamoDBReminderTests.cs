namespace Scheduler.Providers.Tests.DynamoDB;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBReminderTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTime StartAt = new(2025, 10, 26, 0, 30, 0, DateTimeKind.Utc);
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";
    private DynamoDBReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = DynamoDBAdapters.ReminderTableFor(dynalite, _serviceId);
        await _table.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _table.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadRows_WrappingRange_QueriesTheHashIndexAndReturnsTheRightRows()
    {
        var ring = TestGrains.ByHash(10);
        foreach (var (id, _) in ring)
        {
            await _table.UpsertRow(Entry(id, "tick"), CancellationToken.None);
        }

        var before = dynalite.Shim.Requests.Count;
        var rows = (await _table.ReadRows(ring[7].Hash, ring[2].Hash, CancellationToken.None)).Reminders;

        var expected = ring.Where(g => g.Hash > ring[7].Hash || g.Hash <= ring[2].Hash).Select(g => g.Id.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(5, rows.Count);
        var reads = dynalite.Shim.Requests.Skip(before).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(("Query", "ServiceIdIndex"), (r.Operation, r.Index)));
    }

    [Fact]
    public async Task ReadRows_ByGrain_QueriesTheGrainIndex()
    {
        var grainId = TestGrains.NewId();
        await _table.UpsertRow(Entry(grainId, "a"), CancellationToken.None);
        var before = dynalite.Shim.Requests.Count;

        var rows = (await _table.ReadRows(grainId, CancellationToken.None)).Reminders;

        Assert.Equal("a", Assert.Single(rows).ReminderName);
        var read = Assert.Single(dynalite.Shim.Requests.Skip(before));
        Assert.Equal(("Query", "ServiceIdGrainReferenceIndex"), (read.Operation, read.Index));
    }

    [Fact]
    public async Task UpsertRow_StoresTheOfficialItemLayout()
    {
        var grainId = TestGrains.NewId();

        var etag = await _table.UpsertRow(Entry(grainId, "daily", TimeSpan.FromDays(1)), CancellationToken.None);

        var item = await RawAsync(grainId, "daily");
        Assert.Equal($"{_serviceId}_{grainId}_daily", item["ReminderId"].S);
        Assert.Equal(grainId.GetUniformHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture), item["GrainHash"].N);
        Assert.Equal(_serviceId, item["ServiceId"].S);
        Assert.Equal(grainId.ToString(), item["GrainReference"].S);
        Assert.Equal("daily", item["ReminderName"].S);
        Assert.Equal("2025-10-26T00:30:00.0000000", item["StartTime"].S);
        Assert.Equal("1.00:00:00", item["Period"].S);
        Assert.Equal(etag, item["ETag"].N);
    }

    [Fact]
    public async Task ReadRow_ItemInTheOfficialProvidersTimeFormat_ReadsAsUtc()
    {
        var grainId = TestGrains.NewId();
        var item = new Dictionary<string, AttributeValue>
        {
            ["ReminderId"] = new($"{_serviceId}_{grainId}_legacy"),
            ["GrainHash"] = new() { N = grainId.GetUniformHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["ServiceId"] = new(_serviceId),
            ["GrainReference"] = new(grainId.ToString()),
            ["ReminderName"] = new("legacy"),
            ["StartTime"] = new("10/26/2025 12:30:00 AM"),
            ["Period"] = new("00:15:00"),
            ["ETag"] = new() { N = "1804289383" },
        };
        await dynalite.Client.PutItemAsync(new PutItemRequest { TableName = DynamoDBAdapters.ReminderTable, Item = item });

        var read = await _table.ReadRow(grainId, "legacy", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(15), read.Period);
        Assert.Equal("1804289383", read.ETag);
        Assert.True(await _table.RemoveRow(grainId, "legacy", "1804289383", CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_MissingTable_CreatesItWithBothIndexes()
    {
        var name = DynaliteFixture.NewTableName("reminders");
        using var table = DynamoDBAdapters.ReminderTableFor(dynalite, _serviceId, name);

        await table.StartAsync(CancellationToken.None);

        var description = (await dynalite.Client.DescribeTableAsync(name)).Table;
        Assert.Equal(["ReminderId", "GrainHash"], description.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(
            ["ServiceIdGrainReferenceIndex: ServiceId GrainReference", "ServiceIdIndex: ServiceId GrainHash"],
            description.GlobalSecondaryIndexes.Select(i => $"{i.IndexName}: {string.Join(' ', i.KeySchema.Select(k => k.AttributeName))}").Order(StringComparer.Ordinal));
    }

    private async Task<Dictionary<string, AttributeValue>> RawAsync(GrainId grainId, string name) =>
        (await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = DynamoDBAdapters.ReminderTable,
            Key = new()
            {
                ["ReminderId"] = new($"{_serviceId}_{grainId}_{name}"),
                ["GrainHash"] = new() { N = grainId.GetUniformHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            ConsistentRead = true,
        })).Item;

    private static ReminderEntry Entry(GrainId grainId, string name, TimeSpan? period = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = StartAt,
        Period = period ?? TimeSpan.FromMinutes(10),
    };
}
