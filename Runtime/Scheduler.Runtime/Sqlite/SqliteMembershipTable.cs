using Microsoft.Data.Sqlite;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Sqlite;

/// <summary>
/// The membership table in the embedded SQLite database (tables <c>membership</c> and
/// <c>membership_version</c>). Each change runs inside the single writer's transaction, which
/// checks the version row's and the silo row's ETags and writes both, or neither. Entries are
/// stored as JSON (<see cref="MembershipEntrySerializer"/>); the IAmAlive time has its own column
/// (UTC ticks) so heartbeats do not rewrite the entry.
/// </summary>
public sealed class SqliteMembershipTable : IMembershipTable
{
    private readonly SqliteDatabase _database;
    private readonly string _serviceId;
    private readonly string _clusterId;

    /// <summary>Creates the table provider.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="serviceId">The service id.</param>
    /// <param name="clusterId">The cluster id; rows of other clusters are invisible.</param>
    public SqliteMembershipTable(SqliteDatabase database, string serviceId, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _database = database;
        _serviceId = serviceId;
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken) =>
        ReadAsync(MembershipEntry.KeyOf(silo), cancellationToken);

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var json = MembershipEntrySerializer.Serialize(entry);
        return _database.WriteAsync((connection, transaction) =>
        {
            if (!IsNextVersion(connection, transaction, version) || RowETag(connection, transaction, MembershipEntry.KeyOf(entry.Silo)) is not null)
            {
                return false;
            }

            using var command = Command(connection, transaction, """
                INSERT INTO membership (service_id, cluster_id, silo_key, entry, status, i_am_alive, etag)
                VALUES ($s, $c, $k, $e, $st, $a, $etag)
                """);
            BindEntry(command, entry, json);
            command.ExecuteNonQuery();
            WriteVersion(connection, transaction, version);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var json = MembershipEntrySerializer.Serialize(entry);
        return _database.WriteAsync((connection, transaction) =>
        {
            if (!MembershipETag.TryParse(etag, out var expected)
                || !IsNextVersion(connection, transaction, version)
                || RowETag(connection, transaction, MembershipEntry.KeyOf(entry.Silo)) != expected)
            {
                return false;
            }

            using var command = Command(connection, transaction, """
                UPDATE membership SET entry = $e, status = $st, i_am_alive = MAX(i_am_alive, $a), etag = $etag
                WHERE service_id = $s AND cluster_id = $c AND silo_key = $k
                """);
            BindEntry(command, entry, json);
            command.ExecuteNonQuery();
            WriteVersion(connection, transaction, version);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, """
                UPDATE membership SET i_am_alive = $a
                WHERE service_id = $s AND cluster_id = $c AND silo_key = $k AND i_am_alive < $a
                """);
            command.Parameters.AddWithValue("$k", MembershipEntry.KeyOf(silo));
            command.Parameters.AddWithValue("$a", iAmAliveTime.UtcTicks);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
        {
            var defunct = ReadRows(connection, transaction, null)
                .Where(r => r.Entry.Status == SiloMembershipStatus.Dead && r.Entry.LastAlive < before)
                .Select(r => MembershipEntry.KeyOf(r.Entry.Silo))
                .ToList();
            foreach (var key in defunct)
            {
                using var delete = Command(connection, transaction, "DELETE FROM membership WHERE service_id = $s AND cluster_id = $c AND silo_key = $k");
                delete.Parameters.AddWithValue("$k", key);
                delete.ExecuteNonQuery();
            }

            if (defunct.Count > 0)
            {
                WriteVersion(connection, transaction, ReadVersion(connection, transaction).Next());
            }

            return defunct.Count;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        return _database.WriteAsync((connection, transaction) =>
        {
            foreach (var table in new[] { "membership", "membership_version" })
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM {table} WHERE service_id = $s AND cluster_id = $c";
                command.Parameters.AddWithValue("$s", _serviceId);
                command.Parameters.AddWithValue("$c", clusterId);
                command.ExecuteNonQuery();
            }

            return 0;
        }, cancellationToken);
    }

    private async Task<MembershipTableSnapshot> ReadAsync(string? key, CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenConnection();

        // One read transaction: in WAL mode it sees one committed snapshot of both tables.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var rows = ReadRows(connection, transaction, key);
        var version = ReadVersion(connection, transaction);
        return new MembershipTableSnapshot(rows, version);
    }

    private List<MembershipRow> ReadRows(SqliteConnection connection, SqliteTransaction transaction, string? key)
    {
        using var command = Command(connection, transaction,
            "SELECT entry, i_am_alive, etag FROM membership WHERE service_id = $s AND cluster_id = $c"
            + (key is null ? string.Empty : " AND silo_key = $k")
            + " ORDER BY silo_key");
        if (key is not null)
        {
            command.Parameters.AddWithValue("$k", key);
        }

        var rows = new List<MembershipRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = MembershipEntrySerializer.Deserialize(reader.GetString(0));
            rows.Add(new MembershipRow(
                entry with { IAmAliveTime = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero) },
                MembershipETag.Format(reader.GetInt64(2))));
        }

        return rows;
    }

    private TableVersion ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT version, etag FROM membership_version WHERE service_id = $s AND cluster_id = $c");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new TableVersion(reader.GetInt32(0), MembershipETag.Format(reader.GetInt64(1))) : TableVersion.Initial;
    }

    private bool IsNextVersion(SqliteConnection connection, SqliteTransaction transaction, TableVersion version)
    {
        var stored = ReadVersion(connection, transaction);
        return stored.ETag == version.ETag && stored.Version + 1 == version.Version;
    }

    private void WriteVersion(SqliteConnection connection, SqliteTransaction transaction, TableVersion version)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO membership_version (service_id, cluster_id, version, etag) VALUES ($s, $c, $v, $etag)
            ON CONFLICT (service_id, cluster_id) DO UPDATE SET version = $v, etag = $etag
            """);
        command.Parameters.AddWithValue("$v", version.Version);
        command.Parameters.AddWithValue("$etag", MembershipETag.New());
        command.ExecuteNonQuery();
    }

    private long? RowETag(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using var command = Command(connection, transaction, "SELECT etag FROM membership WHERE service_id = $s AND cluster_id = $c AND silo_key = $k");
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() is long etag ? etag : null;
    }

    private static void BindEntry(SqliteCommand command, MembershipEntry entry, string json)
    {
        command.Parameters.AddWithValue("$k", MembershipEntry.KeyOf(entry.Silo));
        command.Parameters.AddWithValue("$e", json);
        command.Parameters.AddWithValue("$st", entry.Status.ToString());
        command.Parameters.AddWithValue("$a", entry.IAmAliveTime.UtcTicks);
        command.Parameters.AddWithValue("$etag", MembershipETag.New());
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$c", _clusterId);
        return command;
    }
}
