using System.Diagnostics;

namespace Scheduler.Providers.Sqlite;

/// <summary>
/// One SQLite database file used by one adapter: pooled connections in read/write/create mode
/// (plus, on request, a dedicated one outside the pool for a long-lived writer), the WAL journal
/// (readers never block the writer), <c>synchronous=FULL</c> (a committed write survives power
/// loss) and a busy timeout, so concurrent writers from other connections wait for the file lock
/// instead of failing. The adapter's schema is created once, on the first
/// <see cref="InitializeAsync"/>, <see cref="RunAsync"/> or <see cref="OpenDedicatedAsync"/>;
/// a failed attempt is retried by the next call.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _schema;
    private readonly string _connectionString;
    private readonly string _dedicatedConnectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Describes the database; nothing is opened until the first call.</summary>
    /// <param name="path">The database file; relative paths are resolved against the current directory. Empty fails on first use.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's write lock.</param>
    /// <param name="schema">Idempotent DDL (<c>CREATE … IF NOT EXISTS</c>) run once before first use.</param>
    public SqliteDatabase(string path, TimeSpan busyTimeout, string schema)
    {
        // Not checked here: a silo builds its providers before it runs the options validators,
        // which report a missing path better (see SqliteOptionsValidator).
        FullPath = string.IsNullOrWhiteSpace(path) ? string.Empty : Path.GetFullPath(path);
        _schema = schema;
        var timeoutMilliseconds = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 1, int.MaxValue);
        _pragmas = $"PRAGMA busy_timeout={timeoutMilliseconds}; PRAGMA synchronous=FULL;";
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Clamp(busyTimeout.TotalSeconds, 1, int.MaxValue),
        };
        _connectionString = connectionString.ToString();
        connectionString.Pooling = false;
        _dedicatedConnectionString = connectionString.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FullPath { get; }

    /// <summary>Creates the directory, switches the file to WAL and creates the schema, once.</summary>
    /// <param name="cancellationToken">Cancels the initialization.</param>
    /// <returns>A task that completes when the schema exists.</returns>
    /// <exception cref="InvalidOperationException">No database path is set.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (FullPath.Length == 0)
            {
                throw new InvalidOperationException($"No {nameof(SqliteProviderOptions.DatabasePath)} is set.");
            }

            var directory = Path.GetDirectoryName(FullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(_connectionString, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _schema, cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initializing.Release();
        }
    }

    /// <summary>
    /// <see cref="InitializeAsync"/> at silo start: logs how long it took, or the failure (which
    /// stops the silo, so a wrong path is found at start rather than on the first grain call).
    /// </summary>
    /// <param name="logger">The adapter's logger.</param>
    /// <param name="provider">What the adapter is, for the log ("grain storage", "reminder table").</param>
    /// <param name="name">The provider name.</param>
    /// <param name="cancellationToken">Cancels the initialization.</param>
    /// <returns>A task that completes when the schema exists.</returns>
    public async Task StartAsync(ILogger logger, string provider, string name, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
            SqliteProviderLog.Initialized(logger, provider, name, FullPath, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SqliteProviderLog.InitializationFailed(logger, exception, provider, name, FullPath);
            throw;
        }
    }

    /// <summary>
    /// Opens a connection outside the pool, with the per-connection pragmas applied, for an owner
    /// that keeps it open for its whole life (the group-commit writer). <see cref="ClosePool"/>
    /// does not close it; disposing it does, rolling back any transaction still open on it.
    /// </summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>An open connection, owned by the caller.</returns>
    /// <exception cref="InvalidOperationException">No database path is set.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public async Task<SqliteConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(_dedicatedConnectionString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one statement on a pooled connection (per-connection pragmas applied), which goes back to the pool afterwards.</summary>
    /// <typeparam name="T">What <paramref name="run"/> reads from the statement.</typeparam>
    /// <param name="bind">Sets the command's text and parameters.</param>
    /// <param name="run">Executes the command and reads its result.</param>
    /// <param name="cancellationToken">Cancels opening the connection.</param>
    /// <returns>What <paramref name="run"/> returned.</returns>
    /// <exception cref="InvalidOperationException">No database path is set.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or the statement fails.</exception>
    public async Task<T> RunAsync<T>(Action<SqliteCommand> bind, Func<SqliteCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenRawAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        bind(command);
        return await run(command).ConfigureAwait(false);
    }

    /// <summary>Closes the idle pooled connections to the file (on silo stop, or before deleting it).</summary>
    public void ClosePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenRawAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
