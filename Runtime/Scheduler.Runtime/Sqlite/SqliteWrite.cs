using Microsoft.Data.Sqlite;

namespace Scheduler.Runtime.Sqlite;

/// <summary>A write queued for the next group-commit transaction of <see cref="SqliteDatabase"/>.</summary>
internal abstract class SqliteWrite
{
    public abstract bool IsCancelled { get; }

    /// <summary>Runs the write inside a savepoint; its own failure is kept for <see cref="Complete"/>.</summary>
    public abstract void Execute(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Reports the outcome after the transaction committed.</summary>
    public abstract void Complete();

    /// <summary>Reports that the whole transaction failed.</summary>
    public abstract void Fail(Exception exception);
}

/// <summary>A queued write with a result.</summary>
internal sealed class SqliteWrite<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) : SqliteWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    public Task<T> Task => _completion.Task;

    public override bool IsCancelled
    {
        get
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            _completion.TrySetCanceled(cancellationToken);
            return true;
        }
    }

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction)
    {
        transaction.Save("w");
        try
        {
            _result = write(connection, transaction);
            transaction.Release("w");
        }
        catch (Exception exception)
        {
            transaction.Rollback("w");
            transaction.Release("w");
            _error = exception;
        }
    }

    public override void Complete()
    {
        if (_error is not null)
        {
            _completion.TrySetException(_error);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
