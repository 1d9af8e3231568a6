namespace Scheduler.Providers.Tests.Support;

/// <summary>A database file path in a fresh temporary directory, deleted with its WAL files on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "scheduler-providers-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Directory, "nested", "scheduler.db");
    }

    public string Directory { get; }

    /// <summary>The database file, in a directory that does not exist yet (the adapters create it).</summary>
    public string FilePath { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
