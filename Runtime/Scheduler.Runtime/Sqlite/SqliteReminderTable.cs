using System.Globalization;
using Microsoft.Data.Sqlite;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Sqlite;

/// <summary>The reminder table in the embedded SQLite database (table <c>reminders</c>). Instants are stored as Unix milliseconds (UTC).</summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, first_due, period_ms, next_due, etag, grain_hash";

    private readonly SqliteDatabase _database;
    private readonly string _serviceId;

    /// <summary>Creates the table provider.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="serviceId">The service id that prefixes every key.</param>
    public SqliteReminderTable(SqliteDatabase database, string serviceId)
    {
        _database = database;
        _serviceId = serviceId;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Filters on the stored <c>grain_hash</c> (0 to 2^32 − 1) in SQL, served by the
    /// <c>(service_id, grain_hash)</c> index: <c>grain_hash &gt; begin AND grain_hash &lt;= end</c>,
    /// or with <c>OR</c> for a range that wraps, or no hash condition for the whole ring.
    /// </remarks>
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var condition = beginHash == endHash
            ? string.Empty
            : beginHash < endHash ? " AND grain_hash > $b AND grain_hash <= $e" : " AND (grain_hash > $b OR grain_hash <= $e)";
        return QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $s{condition}",
            c =>
            {
                c.Parameters.AddWithValue("$s", _serviceId);
                c.Parameters.AddWithValue("$b", (long)beginHash);
                c.Parameters.AddWithValue("$e", (long)endHash);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $s AND grain_type = $t AND grain_key = $k ORDER BY reminder_name",
            c => AddGrain(c, grainId),
            cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND reminder_name = $r",
            c =>
            {
                AddGrain(c, grainId);
                c.Parameters.AddWithValue("$r", reminderName);
            },
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = NewETag();
        return _database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO reminders (service_id, grain_type, grain_key, reminder_name, grain_hash, first_due, period_ms, next_due, etag)
                VALUES ($s, $t, $k, $r, $h, $f, $p, $n, $e)
                ON CONFLICT (service_id, grain_type, grain_key, reminder_name)
                DO UPDATE SET grain_hash = $h, first_due = $f, period_ms = $p, next_due = $n, etag = $e
                """;
            AddGrain(command, entry.GrainId);
            command.Parameters.AddWithValue("$r", entry.ReminderName);
            command.Parameters.AddWithValue("$h", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$f", entry.FirstDue.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$p", (long)entry.Period.TotalMilliseconds);
            command.Parameters.AddWithValue("$n", entry.NextDue.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$e", etag);
            command.ExecuteNonQuery();
            return etag.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken)
    {
        var etag = NewETag();
        return _database.WriteAsync<string?>((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE reminders SET next_due = $n, etag = $e
                WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND reminder_name = $r AND etag = $old
                """;
            AddGrain(command, grainId);
            command.Parameters.AddWithValue("$r", reminderName);
            command.Parameters.AddWithValue("$n", nextDue.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$e", etag);
            command.Parameters.AddWithValue("$old", ParseETag(expectedETag));
            return command.ExecuteNonQuery() == 1 ? etag.ToString(CultureInfo.InvariantCulture) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM reminders WHERE service_id = $s AND grain_type = $t AND grain_key = $k AND reminder_name = $r"
                + (expectedETag is null ? string.Empty : " AND etag = $old");
            AddGrain(command, grainId);
            command.Parameters.AddWithValue("$r", reminderName);
            if (expectedETag is not null)
            {
                command.Parameters.AddWithValue("$old", ParseETag(expectedETag));
            }

            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    private static long NewETag() => Random.Shared.NextInt64(1, long.MaxValue);

    private static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private void AddGrain(SqliteCommand command, GrainId grainId)
    {
        command.Parameters.AddWithValue("$s", _serviceId);
        command.Parameters.AddWithValue("$t", grainId.Type);
        command.Parameters.AddWithValue("$k", grainId.Key);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.GetInt64(6).ToString(CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
