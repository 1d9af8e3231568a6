using Scheduler.Runtime.Sqlite;

namespace Scheduler.Runtime.Hosting;

/// <summary>Checks that a storage backend answers; used by the readiness check.</summary>
public interface IStorageHealthProbe
{
    /// <summary>Completes when the backend answered; throws when it did not.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>A task that completes when the backend answered.</returns>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>Probes the embedded SQLite database.</summary>
internal sealed class SqliteHealthProbe(SqliteDatabase database) : IStorageHealthProbe
{
    public Task ProbeAsync(CancellationToken cancellationToken) => database.PingAsync(cancellationToken);
}
