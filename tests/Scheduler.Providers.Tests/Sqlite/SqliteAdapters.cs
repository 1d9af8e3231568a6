namespace Scheduler.Providers.Tests.Sqlite;

/// <summary>Builds the SQLite adapters over a test database file, as the silo's DI would.</summary>
public static class SqliteAdapters
{
    public const string ServiceId = "providers-tests";

    public static SqliteGrainStorage GrainStorage(
        string databasePath,
        IGrainStorageSerializer? serializer = null,
        bool deleteStateOnClear = false,
        string serviceId = ServiceId,
        TimeProvider? time = null,
        ILogger<SqliteGrainStorage>? logger = null) =>
        new(
            "test",
            new SqliteGrainStorageOptions
            {
                DatabasePath = databasePath,
                DeleteStateOnClear = deleteStateOnClear,
                GrainStorageSerializer = serializer ?? TestSerialization.GrainStorageSerializer,
            },
            Cluster(serviceId),
            TestSerialization.Activators,
            time ?? TimeProvider.System,
            logger ?? NullLogger<SqliteGrainStorage>.Instance);

    public static SqliteReminderTable ReminderTable(string databasePath, string serviceId = ServiceId) =>
        new(
            Options.Create(new SqliteReminderTableOptions { DatabasePath = databasePath }),
            Cluster(serviceId),
            NullLogger<SqliteReminderTable>.Instance);

    private static IOptions<ClusterOptions> Cluster(string serviceId) =>
        Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId });
}
