using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Sqlite;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Tests.Storage;

public sealed class SqliteGrainStorageContractTests : GrainStorageContractTests
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
    public async Task Database_UsesWriteAheadLog()
    {
        await using var connection = _database!.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SixtyFourConcurrentWriters_AllCommitted()
    {
        var writes = Enumerable.Range(0, 64).Select(i =>
            Storage.WriteAsync(new GrainId("participant", $"acme/w-{i}"), "profile", "{}"u8.ToArray(), null, CancellationToken.None));

        var etags = await Task.WhenAll(writes);

        Assert.Equal(64, etags.Distinct().Count());
        for (var i = 0; i < 64; i++)
        {
            Assert.NotNull(await Storage.ReadAsync(new GrainId("participant", $"acme/w-{i}"), "profile", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Records_SurviveReopeningTheFile()
    {
        var etag = await Storage.WriteAsync(new GrainId("request", "acme/r-1"), "request", "{\"status\":\"booked\"}"u8.ToArray(), null, CancellationToken.None);
        await _database!.DisposeAsync();

        _database = new SqliteDatabase(Path.Combine(_directory.Path, "grains.db"));
        var reopened = new SqliteGrainStorage(_database, "test", TimeProvider.System);
        var record = await reopened.ReadAsync(new GrainId("request", "acme/r-1"), "request", CancellationToken.None);

        Assert.Equal(etag, record!.ETag);
    }

    [Fact]
    public async Task ServiceIds_AreIsolated()
    {
        var grain = new GrainId("participant", "acme/p-1");
        await Storage.WriteAsync(grain, "profile", "{}"u8.ToArray(), null, CancellationToken.None);
        var otherService = new SqliteGrainStorage(_database!, "other-service", TimeProvider.System);

        Assert.Null(await otherService.ReadAsync(grain, "profile", CancellationToken.None));
    }

    protected override Task<IGrainStorage> CreateStorageAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "grains.db"));
        return Task.FromResult<IGrainStorage>(new SqliteGrainStorage(_database, "test", TimeProvider.System));
    }
}
