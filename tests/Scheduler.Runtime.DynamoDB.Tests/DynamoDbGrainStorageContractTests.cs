using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Tests.Storage;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The runtime's grain storage contract, against DynamoDB (dynalite). Each test uses its own service id.</summary>
public sealed class DynamoDbGrainStorageContractTests(DynaliteFixture dynalite) : GrainStorageContractTests, IClassFixture<DynaliteFixture>
{
    protected override Task<IGrainStorage> CreateStorageAsync() =>
        Task.FromResult<IGrainStorage>(new DynamoDbGrainStorage(dynalite.Client, DynaliteFixture.GrainStateTable, $"svc-{Guid.NewGuid():N}", TimeProvider.System));
}
