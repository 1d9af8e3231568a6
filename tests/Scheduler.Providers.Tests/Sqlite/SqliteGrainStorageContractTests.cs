using Orleans.Storage;
using Scheduler.Providers.Tests.Contracts;
using Scheduler.Providers.Tests.Support;

namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>The grain storage contract against <c>SqliteGrainStorage</c> with default options, on a fresh file per test.</summary>
public sealed class SqliteGrainStorageContractTests : GrainStorageContract
{
    private readonly TempDatabase _database = new();

    protected override Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer) =>
        Task.FromResult<IGrainStorage>(SqliteAdapters.GrainStorage(_database.FilePath, serializer));

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The grain storage contract against <c>SqliteGrainStorage</c> with <c>DeleteStateOnClear</c> on.</summary>
public sealed class SqliteGrainStorageDeleteOnClearContractTests : GrainStorageContract
{
    private readonly TempDatabase _database = new();

    protected override Task<IGrainStorage> CreateStorageAsync(IGrainStorageSerializer serializer) =>
        Task.FromResult<IGrainStorage>(SqliteAdapters.GrainStorage(_database.FilePath, serializer, deleteStateOnClear: true));

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
