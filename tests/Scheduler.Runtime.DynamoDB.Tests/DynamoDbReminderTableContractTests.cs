using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Tests.Reminders;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The runtime's reminder table contract, against DynamoDB (dynalite). Each test uses its own service id.</summary>
public sealed class DynamoDbReminderTableContractTests(DynaliteFixture dynalite) : ReminderTableContractTests, IClassFixture<DynaliteFixture>
{
    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(new DynamoDbReminderTable(dynalite.Client, DynaliteFixture.ReminderTable, $"svc-{Guid.NewGuid():N}"));
}
