namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>The reminder table contract against <c>SqliteReminderTable</c>, on a fresh file per test.</summary>
public sealed class SqliteReminderTableContractTests : ReminderTableContract
{
    private readonly TempDatabase _database = new();

    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(SqliteAdapters.ReminderTable(_database.FilePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
