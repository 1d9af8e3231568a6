using System.Globalization;
using Microsoft.Data.Sqlite;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Sqlite;

/// <summary>
/// Grain storage in the embedded SQLite database (table <c>grain_state</c>, one row per grain
/// state). Writes are conditional on the ETag inside the database's group-commit transaction;
/// ETags are random 63-bit numbers, so a record that is deleted and re-created never reuses a
/// version a stale writer could still hold.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly SqliteDatabase _database;
    private readonly string _serviceId;
    private readonly TimeProvider _time;

    /// <summary>Creates the provider.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="serviceId">The service id that prefixes every key.</param>
    /// <param name="time">The clock for <c>modified_at</c>.</param>
    public SqliteGrainStorage(SqliteDatabase database, string serviceId, TimeProvider time)
    {
        _database = database;
        _serviceId = serviceId;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND state_name = $n";
        AddKey(command, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new GrainStateRecord((byte[])reader.GetValue(1), reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedETag, CancellationToken cancellationToken)
    {
        var bytes = payload.ToArray();
        var newETag = NewETag();
        var modifiedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (expectedETag is null)
            {
                command.CommandText = """
                    INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, etag, payload, modified_at)
                    VALUES ($s, $t, $k, $n, $new, $p, $m) ON CONFLICT DO NOTHING
                    """;
            }
            else
            {
                command.CommandText = """
                    UPDATE grain_state SET etag = $new, payload = $p, modified_at = $m
                    WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND state_name = $n AND etag = $old
                    """;
                command.Parameters.AddWithValue("$old", ParseETag(expectedETag));
            }

            AddKey(command, grainId, stateName);
            command.Parameters.AddWithValue("$new", newETag);
            command.Parameters.AddWithValue("$p", bytes);
            command.Parameters.AddWithValue("$m", modifiedAt);
            if (command.ExecuteNonQuery() != 1)
            {
                throw Inconsistent(connection, transaction, grainId, stateName, expectedETag);
            }

            return newETag.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
        {
            if (expectedETag is null)
            {
                var stored = ReadETag(connection, transaction, grainId, stateName);
                return stored is null ? true : throw Inconsistent(connection, transaction, grainId, stateName, expectedETag);
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM grain_state WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND state_name = $n AND etag = $old";
            AddKey(command, grainId, stateName);
            command.Parameters.AddWithValue("$old", ParseETag(expectedETag));
            return command.ExecuteNonQuery() == 1 ? true : throw Inconsistent(connection, transaction, grainId, stateName, expectedETag);
        }, cancellationToken);

    private static long NewETag() => Random.Shared.NextInt64(1, long.MaxValue);

    private static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static string? ReadETag(SqliteConnection connection, SqliteTransaction transaction, GrainId grainId, string stateName, string serviceId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND state_name = $n";
        AddKey(command, serviceId, grainId, stateName);
        return command.ExecuteScalar() is long etag ? etag.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static void AddKey(SqliteCommand command, string serviceId, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("$s", serviceId);
        command.Parameters.AddWithValue("$t", grainId.Type);
        command.Parameters.AddWithValue("$k", grainId.Key);
        command.Parameters.AddWithValue("$n", stateName);
    }

    private string? ReadETag(SqliteConnection connection, SqliteTransaction transaction, GrainId grainId, string stateName) =>
        ReadETag(connection, transaction, grainId, stateName, _serviceId);

    private void AddKey(SqliteCommand command, GrainId grainId, string stateName) => AddKey(command, _serviceId, grainId, stateName);

    private InconsistentStateException Inconsistent(SqliteConnection connection, SqliteTransaction transaction, GrainId grainId, string stateName, string? expectedETag)
    {
        var stored = ReadETag(connection, transaction, grainId, stateName);
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} has version {stored ?? "(none)"}, not {expectedETag ?? "(none)"}; nothing was written.", stored, expectedETag);
    }
}
