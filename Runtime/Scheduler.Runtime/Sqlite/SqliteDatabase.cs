using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Scheduler.Runtime.Sqlite;

/// <summary>
/// One SQLite database file shared by the grain storage and the reminder table: WAL journal,
/// <c>synchronous=FULL</c> (a committed write survives power loss), pooled reader connections,
/// and a single writer that commits queued writes in groups (group commit): every write waiting
/// when a transaction starts joins it, so 64 concurrent writers share one fsync instead of 64.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxWritesPerTransaction = 512;

    private readonly Channel<SqliteWrite> _writes = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _writer;
    private readonly SqliteConnection _writerConnection;

    /// <summary>Opens (creating if needed) the database file and its schema.</summary>
    /// <param name="path">The database file path; its directory is created if missing.</param>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writerConnection = OpenConnection();
        Execute(_writerConnection, "PRAGMA journal_mode=WAL;");
        Execute(_writerConnection, SqliteSchema.Create);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a new pooled connection for reading.</summary>
    /// <returns>An open connection; dispose it when done.</returns>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside the writer's next transaction (with others queued at the
    /// same time) and returns its result once the transaction has committed. An exception thrown
    /// by <paramref name="write"/> is rolled back to a savepoint, so it affects only its own write.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="write">The statements to run; receives the writer connection and transaction.</param>
    /// <param name="cancellationToken">Cancels the write while it is still queued.</param>
    /// <returns>The result of <paramref name="write"/>, after commit.</returns>
    /// <exception cref="ObjectDisposedException">The database is closed.</exception>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var item = new SqliteWrite<T>(write, cancellationToken);
        if (!_writes.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        return item.Task;
    }

    /// <summary>Checks that the database answers a query.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the database answered.</returns>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Finishes queued writes and closes the database.</summary>
    /// <returns>A task that completes when the writer has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer;
        await _writerConnection.DisposeAsync();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<SqliteWrite>(MaxWritesPerTransaction);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerTransaction && _writes.Reader.TryRead(out var write))
            {
                if (!write.IsCancelled)
                {
                    batch.Add(write);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                using var transaction = _writerConnection.BeginTransaction(deferred: false);
                foreach (var write in batch)
                {
                    write.Execute(_writerConnection, transaction);
                }

                transaction.Commit();
                foreach (var write in batch)
                {
                    write.Complete();
                }
            }
            catch (Exception exception)
            {
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }
            }
        }
    }
}
