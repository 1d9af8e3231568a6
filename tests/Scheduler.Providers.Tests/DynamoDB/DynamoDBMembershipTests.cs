namespace Scheduler.Providers.Tests.DynamoDB;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBMembershipTests(DynaliteFixture dynalite) : IDisposable
{
    private static readonly DateTime Now = new(2025, 10, 26, 1, 30, 0, 250, DateTimeKind.Utc);
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<IDisposable> _created = [];

    public void Dispose() => _created.ForEach(c => c.Dispose());

    [Fact]
    public async Task InsertRow_OneTransactionOfTwoWrites_StoresTheOfficialItems()
    {
        var table = await InitializedTableAsync(_clusterId);
        var entry = Entry(11_111, SiloStatus.Joining, proxyPort: 30_000);
        var next = (await table.ReadAllAsync(CancellationToken.None)).Version.Next();
        var before = dynalite.Shim.Requests.Count;

        Assert.True(await table.InsertRowAsync(entry, next, CancellationToken.None));

        Assert.Equal(["TransactWriteItems"], dynalite.Shim.Requests.Skip(before).Select(r => r.Operation));
        var version = await RawAsync("VersionRow");
        Assert.Equal("1", version["MembershipVersion"].N);
        Assert.Equal("1", version["ETag"].N);
        var silo = await RawAsync("127.0.0.1-11111-3");
        Assert.Equal("127.0.0.1", silo["Address"].S);
        Assert.Equal("11111", silo["Port"].N);
        Assert.Equal("3", silo["Generation"].N);
        Assert.Equal(((int)SiloStatus.Joining).ToString(System.Globalization.CultureInfo.InvariantCulture), silo["SiloStatus"].N);
        Assert.Equal("30000", silo["ProxyPort"].N);
        Assert.Equal("2025-10-26 01:30:00.250 GMT", silo["IAmAliveTime"].S);
        Assert.Equal("0", silo["ETag"].N);
        Assert.Equal("1", silo["MembershipVersion"].N);
    }

    [Fact]
    public async Task GetGateways_MixedSilos_ReturnsOnlyActiveSilosWithAGateway()
    {
        var table = await InitializedTableAsync(_clusterId);
        var gateway = Entry(11_001, SiloStatus.Active, proxyPort: 30_001);
        foreach (var entry in new[] { gateway, Entry(11_002, SiloStatus.Active, proxyPort: 0), Entry(11_003, SiloStatus.Joining, proxyPort: 30_003), Entry(11_004, SiloStatus.Dead, proxyPort: 30_004) })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        }

        var otherCluster = await InitializedTableAsync($"{_clusterId}-other");
        Assert.True(await otherCluster.InsertRowAsync(Entry(11_005, SiloStatus.Active, proxyPort: 30_005), (await otherCluster.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        using var provider = new DynamoDBGatewayListProvider(
            Options.Create(new DynamoDBGatewayOptions { TableName = DynamoDBAdapters.MembershipTable }.Connect(dynalite)),
            DynamoDBAdapters.Cluster("svc", _clusterId),
            Options.Create(new GatewayOptions { GatewayListRefreshPeriod = TimeSpan.FromSeconds(7) }),
            NullLogger<DynamoDBGatewayListProvider>.Instance);
        await provider.InitializeGatewayListProviderAsync(CancellationToken.None);

        var gateways = await provider.GetGatewaysAsync(CancellationToken.None);

        Assert.Equal([SiloAddress.New(IPAddress.Loopback, 30_001, 3).ToGatewayUri()], gateways);
        Assert.Equal(TimeSpan.FromSeconds(7), provider.MaxStaleness);
        Assert.True(provider.IsUpdatable);
    }

    [Fact]
    public async Task InitializeMembershipTable_MissingTable_CreatesItAndTheVersionRow()
    {
        var name = DynaliteFixture.NewTableName("silos");

        var table = await InitializedTableAsync(_clusterId, name);

        var description = (await dynalite.Client.DescribeTableAsync(name)).Table;
        Assert.Equal(["DeploymentId", "SiloIdentity"], description.KeySchema.Select(k => k.AttributeName));
        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
    }

    private async Task<DynamoDBMembershipTable> InitializedTableAsync(string clusterId, string tableName = DynamoDBAdapters.MembershipTable)
    {
        var table = DynamoDBAdapters.MembershipTableFor(dynalite, clusterId, tableName);
        _created.Add(table);
        await table.InitializeMembershipTableAsync(true, CancellationToken.None);
        return table;
    }

    private Task<Dictionary<string, AttributeValue>> RawAsync(string identity) =>
        dynalite.RawItemAsync(DynamoDBAdapters.MembershipTable, ("DeploymentId", _clusterId), ("SiloIdentity", identity));

    private static MembershipEntry Entry(int port, SiloStatus status, int proxyPort) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 3),
        HostName = "host",
        SiloName = $"silo-{port}",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = Now.AddMinutes(-5),
        IAmAliveTime = Now,
    };
}
