namespace Scheduler.Providers.Sqlite;

/// <summary>Settings shared by the SQLite adapters: where the database file is and how long a write waits for the file lock.</summary>
public abstract class SqliteProviderOptions
{
    /// <summary>
    /// The database file (required). Relative paths are resolved against the process's current
    /// directory; the directory is created if missing. Several adapters may share one file.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// How long a statement waits for another connection's write lock before failing with
    /// <c>SQLITE_BUSY</c>. Default 30 seconds; must be positive.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
