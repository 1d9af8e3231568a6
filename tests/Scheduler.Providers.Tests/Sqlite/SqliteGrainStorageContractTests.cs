namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>The grain storage contract against <c>SqliteGrainStorage</c> with default options, run through a silo lifecycle, on a fresh file per test.</summary>
public sealed class SqliteGrainStorageContractTests : GrainStorageContract
{
    private readonly TempDatabase _database = new();
    private readonly ProviderLifecycles _lifecycles = new();

    protected override async Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer)
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath, serializer);
        await _lifecycles.StartAsync(storage);
        return storage;
    }

    public override async Task DisposeAsync()
    {
        await _lifecycles.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>The grain storage contract against <c>SqliteGrainStorage</c> with <c>DeleteStateOnClear</c> on.</summary>
public sealed class SqliteGrainStorageDeleteOnClearContractTests : GrainStorageContract
{
    private readonly TempDatabase _database = new();
    private readonly ProviderLifecycles _lifecycles = new();

    protected override async Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer)
    {
        var storage = SqliteAdapters.GrainStorage(_database.FilePath, serializer, deleteStateOnClear: true);
        await _lifecycles.StartAsync(storage);
        return storage;
    }

    public override async Task DisposeAsync()
    {
        await _lifecycles.DisposeAsync();
        _database.Dispose();
    }
}
