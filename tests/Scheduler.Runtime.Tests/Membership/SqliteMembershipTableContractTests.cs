using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Sqlite;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.Tests.Membership;

public sealed class SqliteMembershipTableContractTests : MembershipTableContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Rows_SurviveReopeningTheDatabase()
    {
        Assert.True(await Table.InsertRowAsync(Entry("a"), TableVersion.Initial.Next(), CancellationToken.None));
        await Table.UpdateIAmAliveAsync(Entry("a").Silo, T0.AddMinutes(3), CancellationToken.None);
        await _database!.DisposeAsync();
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "membership.db"));

        var reopened = await new SqliteMembershipTable(_database, "test", ClusterId).ReadAllAsync(CancellationToken.None);

        Assert.Equal(T0.AddMinutes(3), Assert.Single(reopened.Rows).Entry.IAmAliveTime);
        Assert.Equal(1, reopened.Version.Version);
    }

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "membership.db"));
        return Task.FromResult<IMembershipTable>(new SqliteMembershipTable(_database, "test", clusterId));
    }
}
