using Amazon.DynamoDBv2.Model;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Tests.Membership;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The runtime's membership table contract, against DynamoDB (dynalite). Each test uses its own service id.</summary>
public sealed class DynamoDbMembershipTableContractTests(DynaliteFixture dynalite) : MembershipTableContractTests, IClassFixture<DynaliteFixture>
{
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task Heartbeats_AreSeparateItems_AndTheVersionItemHoldsTheEntries()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        await Table.UpdateIAmAliveAsync(Entry("a").Silo, T0.AddSeconds(5), CancellationToken.None);

        var items = await dynalite.Client.QueryAsync(new QueryRequest
        {
            TableName = DynaliteFixture.MembershipTable,
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = $"{_serviceId}/{ClusterId}" } },
        });

        Assert.Equal(["alive/a@1", "version"], items.Items.Select(i => i["sk"].S).Order(StringComparer.Ordinal));
        var version = items.Items.Single(i => i["sk"].S == "version");
        Assert.Equal("1", version["version"].N);
        Assert.Contains("a@1", version["silos"].M.Keys);
        Assert.Equal(T0.AddSeconds(5).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), items.Items.Single(i => i["sk"].S == "alive/a@1")["iAmAlive"].N);
    }

    [Fact]
    public async Task ANewProvider_OverTheSameTable_SeesTheRows()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        using var client = dynalite.NewClient();

        var other = new DynamoDbMembershipTable(client, DynaliteFixture.MembershipTable, _serviceId, ClusterId);
        var snapshot = await other.ReadAllAsync(CancellationToken.None);

        Assert.Equal("a", Assert.Single(snapshot.Rows).Entry.Silo.Name);
        Assert.Equal(1, snapshot.Version.Version);
    }

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId) =>
        Task.FromResult<IMembershipTable>(new DynamoDbMembershipTable(dynalite.Client, DynaliteFixture.MembershipTable, _serviceId, clusterId));
}
