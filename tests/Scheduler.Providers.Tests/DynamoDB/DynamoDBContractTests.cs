namespace Scheduler.Providers.Tests.DynamoDB;

/// <summary>The grain storage contract against <c>DynamoDBGrainStorage</c>; every instance of one test shares a service id, as silos do.</summary>
[Collection(DynaliteCollection.Name)]
public abstract class DynamoDBGrainStorageContract(DynaliteFixture dynalite, Action<DynamoDBStorageOptions>? configure) : GrainStorageContract
{
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";
    private readonly List<IDisposable> _created = [];

    protected override async Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer)
    {
        var storage = await DynamoDBAdapters.GrainStorageAsync(dynalite, _serviceId, serializer, configure);
        _created.Add(storage);
        return storage;
    }

    public override Task DisposeAsync()
    {
        _created.ForEach(c => c.Dispose());
        return Task.CompletedTask;
    }
}

/// <summary>With default options: cleared items are kept with no state and a new ETag.</summary>
public sealed class DynamoDBGrainStorageContractTests(DynaliteFixture dynalite) : DynamoDBGrainStorageContract(dynalite, configure: null);

/// <summary>With <c>DeleteStateOnClear</c> on.</summary>
public sealed class DynamoDBGrainStorageDeleteOnClearContractTests(DynaliteFixture dynalite) : DynamoDBGrainStorageContract(dynalite, o => o.DeleteStateOnClear = true);

/// <summary>The reminder table contract against <c>DynamoDBReminderTable</c>, with a service id of its own per test.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBReminderTableContractTests(DynaliteFixture dynalite) : ReminderTableContract
{
    private IDisposable? _table;

    protected override Task<IReminderTable> CreateTableAsync()
    {
        var table = DynamoDBAdapters.ReminderTableFor(dynalite, $"svc-{Guid.NewGuid():N}");
        _table = table;
        return Task.FromResult<IReminderTable>(table);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _table?.Dispose();
    }
}

/// <summary>The membership table contract against <c>DynamoDBMembershipTable</c>, with a cluster id of its own per test.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBMembershipTableContractTests(DynaliteFixture dynalite) : MembershipTableContract
{
    private readonly List<IDisposable> _created = [];

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        var table = DynamoDBAdapters.MembershipTableFor(dynalite, clusterId);
        _created.Add(table);
        return Task.FromResult<IMembershipTable>(table);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _created.ForEach(c => c.Dispose());
    }
}
