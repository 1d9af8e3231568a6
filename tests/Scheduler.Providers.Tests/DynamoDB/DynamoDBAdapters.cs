using Scheduler.Providers.DynamoDB.Common;

namespace Scheduler.Providers.Tests.DynamoDB;

/// <summary>Builds the DynamoDB adapters against the test dynalite, as the silo's DI would.</summary>
public static class DynamoDBAdapters
{
    /// <summary>Tables shared by the tests that do not test table creation (each test isolates by service or cluster id).</summary>
    public const string GrainStateTable = "test-grain-state";
    public const string ReminderTable = "test-reminders";
    public const string MembershipTable = "test-silos";

    public static T Connect<T>(this T options, DynaliteFixture dynalite)
        where T : DynamoDBClientOptions
    {
        options.ServiceUrl = dynalite.ServiceUrl;
        options.MaxErrorRetry = 2;
        return options;
    }

    public static async Task<DynamoDBGrainStorage> GrainStorageAsync(
        DynaliteFixture dynalite,
        string serviceId,
        IGrainStorageSerializer? serializer = null,
        Action<DynamoDBStorageOptions>? configure = null,
        TimeProvider? time = null)
    {
        var options = new DynamoDBStorageOptions { TableName = GrainStateTable, GrainStorageSerializer = serializer ?? TestSerialization.GrainStorageSerializer }.Connect(dynalite);
        configure?.Invoke(options);
        var storage = new DynamoDBGrainStorage("test", options, Cluster(serviceId), TestSerialization.Activators, time ?? TimeProvider.System, NullLogger<DynamoDBGrainStorage>.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    public static DynamoDBReminderTable ReminderTableFor(DynaliteFixture dynalite, string serviceId, string table = ReminderTable) =>
        new(Options.Create(new DynamoDBReminderStorageOptions { TableName = table }.Connect(dynalite)), Cluster(serviceId), NullLogger<DynamoDBReminderTable>.Instance);

    public static DynamoDBMembershipTable MembershipTableFor(DynaliteFixture dynalite, string clusterId, string table = MembershipTable) =>
        new(Options.Create(new DynamoDBClusteringOptions { TableName = table }.Connect(dynalite)), Cluster("svc", clusterId), NullLogger<DynamoDBMembershipTable>.Instance);

    /// <summary>An item as stored, read strongly consistent by its string partition and sort keys.</summary>
    public static async Task<Dictionary<string, AttributeValue>> RawItemAsync(this DynaliteFixture dynalite, string table, (string Name, string Value) partition, (string Name, string Value) sort) =>
        (await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { [partition.Name] = new AttributeValue(partition.Value), [sort.Name] = new AttributeValue(sort.Value) },
            ConsistentRead = true,
        })).Item;

    public static IOptions<ClusterOptions> Cluster(string serviceId, string clusterId = "test") =>
        Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = serviceId });
}
