using System.Threading.Channels;
using SQLitePCL;

namespace Scheduler.Providers.Sqlite;

/// <summary>
/// Group commit: one loop owns the only write connection of a <see cref="SqliteDatabase"/> and
/// runs every write statement queued since its last commit (at most <see cref="MaxBatchSize"/>)
/// in one <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c>, so one fsync and one acquisition of the file
/// lock serve the whole batch instead of one per write. A caller's task completes only after the
/// COMMIT of the transaction holding its statement returned, with the statement's affected-row
/// count (durability as with one transaction per write).
/// </summary>
/// <remarks>
/// <para>
/// One writer per adapter instance (each adapter owns its <see cref="SqliteDatabase"/>), not per
/// file: a process-wide writer per path would need shared ownership and reference-counted
/// shutdown across adapters. Adapters that share a file each have a writer; their transactions
/// are serialized by SQLite's file lock and wait for it up to the busy timeout.
/// </para>
/// <para>
/// Fault isolation: when the batch transaction fails (any statement, or the COMMIT), it is rolled
/// back and each statement is run again alone in its own transaction, so every caller gets its
/// own count or its own exception and nothing is half written.
/// </para>
/// <para>
/// Cancellation: a caller's token cancelled while its statement still waits in the queue cancels
/// its task and the statement is never run. Once the loop has taken the statement, the token is
/// no longer observed: the statement is committed (or fails) and the caller gets that outcome.
/// </para>
/// </remarks>
internal sealed class SqliteGroupCommitWriter
{
    /// <summary>The most statements committed in one transaction.</summary>
    public const int MaxBatchSize = 256;

    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDatabase _database;
    private readonly string _provider;
    private readonly string _name;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private SqliteConnection? _connection;

    /// <summary>Starts the loop; it opens its connection for the first batch.</summary>
    /// <param name="database">The file written to.</param>
    /// <param name="provider">What the adapter is, for logs and errors ("grain storage").</param>
    /// <param name="name">The provider name.</param>
    /// <param name="logger">The adapter's logger.</param>
    public SqliteGroupCommitWriter(SqliteDatabase database, string provider, string name, ILogger logger)
    {
        _database = database;
        _provider = provider;
        _name = name;
        _logger = logger;

        // The loop outlives whoever built the adapter: it must not carry that caller's
        // AsyncLocals (activities, log scopes) into every batch.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues one write statement and waits for the commit of the transaction that ran it.</summary>
    /// <param name="bind">
    /// Sets the command's text (one statement) and parameters. It may be called more than once (a
    /// statement is run again alone when its batch failed), on the writer's thread, so it must do
    /// nothing else.
    /// </param>
    /// <param name="cancellationToken">Cancels the write while it still waits in the queue; ignored once the loop took it.</param>
    /// <returns>The statement's affected-row count, available once its transaction is committed.</returns>
    /// <exception cref="ObjectDisposedException">The writer is closed (<see cref="CloseAsync"/>); nothing was written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the loop took the write; nothing was written.</exception>
    /// <exception cref="SqliteException">The statement failed, also when run alone; nothing of it was written.</exception>
    /// <exception cref="InvalidOperationException">No database path is set; nothing was written.</exception>
    public Task<int> ExecuteAsync(Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<int>(cancellationToken);
        }

        var write = new QueuedWrite(bind, cancellationToken);
        if (!_queue.Writer.TryWrite(write) && write.TryTake())
        {
            write.Fail(new ObjectDisposedException(
                nameof(SqliteGroupCommitWriter), $"SQLite {_provider} '{_name}' is closed: it accepts no more writes."));
        }

        return write.Task;
    }

    /// <summary>
    /// Stops accepting writes, waits until every write accepted before has been committed (or has
    /// failed) and closes the write connection. Later writes fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait only: the loop still finishes the accepted writes in the background.</param>
    /// <returns>A task that completes when the loop has ended.</returns>
    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return _loop.WaitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<QueuedWrite>(MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var write))
                {
                    if (write.TryTake())
                    {
                        batch.Add(write);
                    }
                }

                if (batch.Count > 0)
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                    batch.Clear();
                }
            }
        }
        finally
        {
            await CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteBatchAsync(List<QueuedWrite> batch)
    {
        if (batch.Count == 1)
        {
            await WriteAloneAsync(batch[0]).ConfigureAwait(false);
            return;
        }

        int[] rows;
        try
        {
            rows = await CommitAsync(batch).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SqliteProviderLog.BatchFellBackToSingleWrites(_logger, exception, _provider, _name, batch.Count);
            foreach (var write in batch)
            {
                await WriteAloneAsync(write).ConfigureAwait(false);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(rows[i]);
        }
    }

    private async Task WriteAloneAsync(QueuedWrite write)
    {
        try
        {
            var rows = await CommitAsync([write]).ConfigureAwait(false);
            write.Complete(rows[0]);
        }
        catch (Exception exception)
        {
            write.Fail(exception);
        }
    }

    /// <summary>Runs the statements in one transaction; when anything fails none of them is kept.</summary>
    /// <returns>The affected-row count of each statement, in order.</returns>
    private async Task<int[]> CommitAsync(IReadOnlyList<QueuedWrite> writes)
    {
        var connection = _connection ??= await _database.OpenDedicatedAsync(CancellationToken.None).ConfigureAwait(false);

        // IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so no
        // statement of the batch can fail half-way for want of it.
        await ExecuteAsync(connection, "BEGIN IMMEDIATE").ConfigureAwait(false);
        try
        {
            var rows = new int[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                await using var command = connection.CreateCommand();
                writes[i].Bind(command);
                rows[i] = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT").ConfigureAwait(false);
            return rows;
        }
        catch
        {
            await RollBackAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RollBackAsync(SqliteConnection connection)
    {
        // SQLite has already rolled back after some errors (I/O, full disk, out of memory).
        if (raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            return;
        }

        try
        {
            await ExecuteAsync(connection, "ROLLBACK").ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Closing the (unpooled) connection rolls the transaction back; the next batch opens a new one.
            await CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task CloseConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>One queued statement and its caller's task: either the loop takes it or its caller cancels it, never both.</summary>
    private sealed class QueuedWrite
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;

        private readonly TaskCompletionSource<int> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenRegistration _registration;
        private int _state;

        public QueuedWrite(Action<SqliteCommand> bind, CancellationToken cancellationToken)
        {
            Bind = bind;
            _cancellationToken = cancellationToken;
            _registration = cancellationToken.UnsafeRegister(static write => ((QueuedWrite)write!).Cancel(), this);
        }

        public Action<SqliteCommand> Bind { get; }

        public Task<int> Task => _result.Task;

        /// <summary>Claims the write; <see langword="false"/> when its caller cancelled it first.</summary>
        public bool TryTake()
        {
            if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued)
            {
                return false;
            }

            _registration.Dispose();
            return true;
        }

        public void Complete(int rows) => _result.TrySetResult(rows);

        public void Fail(Exception exception) => _result.TrySetException(exception);

        private void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                _result.TrySetCanceled(_cancellationToken);
            }
        }
    }
}
