using System.Globalization;
using Orleans.Configuration;

namespace Scheduler.Providers.Sqlite;

/// <summary>
/// The Orleans reminder table in a SQLite file (table <c>orleans_reminders</c>), scoped by
/// <see cref="ClusterOptions.ServiceId"/>. ETags are random positive 63-bit numbers, new on every
/// upsert, so a reminder that is removed and registered again never gets an ETag a stale
/// caller could still hold. Orleans' reminder service calls <see cref="StartAsync"/> from its
/// lifecycle participant before any other member.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period, etag";
    private const string Key = "service_id = $service AND grain_id = $grain AND reminder_name = $name";

    private readonly SqliteDatabase _database;
    private readonly string _serviceId;
    private readonly ILogger _logger;

    /// <summary>Creates the table provider; the file is opened by <see cref="StartAsync"/> or on first use.</summary>
    /// <param name="options">The table's options.</param>
    /// <param name="clusterOptions">Supplies the service id that scopes every row.</param>
    /// <param name="logger">The logger.</param>
    public SqliteReminderTable(IOptions<SqliteReminderTableOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _database = new SqliteDatabase(options.Value.DatabasePath, options.Value.BusyTimeout, SqliteReminderTableSchema.Create);
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        _database.StartAsync(_logger, "reminder table", _serviceId, cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _database.ClosePool();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()),
            cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    /// <remarks>
    /// Returns the rows whose grain hash is in (<paramref name="begin"/>, <paramref name="end"/>];
    /// when <paramref name="begin"/> ≥ <paramref name="end"/> the range wraps around the ring:
    /// hash &gt; begin or hash ≤ end (begin = end is the whole ring). Each half is a seek on the
    /// <c>(service_id, grain_hash)</c> index.
    /// </remarks>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        new(await QueryAsync(
            RangeQuery(wraps: begin >= end),
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            },
            cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    /// <returns>The entry, or <see langword="null"/> when there is none.</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE {Key}",
            command => AddKey(command, grainId, reminderName),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Random.Shared.NextInt64(1, long.MaxValue);
        await ExecuteAsync(
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period, etag)
            VALUES ($service, $grain, $name, $hash, $start, $period, $etag)
            ON CONFLICT (service_id, grain_id, reminder_name)
            DO UPDATE SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
            """,
            command =>
            {
                AddKey(command, entry.GrainId, entry.ReminderName);
                command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
                command.Parameters.AddWithValue("$start", ToUtcTicks(entry.StartAt));
                command.Parameters.AddWithValue("$period", entry.Period.Ticks);
                command.Parameters.AddWithValue("$etag", etag);
            },
            cancellationToken).ConfigureAwait(false);
        return FormatETag(etag);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        var removed = await ExecuteAsync(
            $"DELETE FROM orleans_reminders WHERE {Key} AND etag = $etag",
            command =>
            {
                AddKey(command, grainId, reminderName);
                command.Parameters.AddWithValue("$etag", expected);
            },
            cancellationToken).ConfigureAwait(false);
        if (removed == 1)
        {
            return true;
        }

        SqliteProviderLog.ReminderRemoveConflict(_logger, reminderName, grainId.ToString(), eTag);
        return false;
    }

    /// <inheritdoc />
    /// <remarks>Deletes only this service's rows.</remarks>
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM orleans_reminders WHERE service_id = $service", _ => { }, cancellationToken);

    /// <summary>The range read, with parameters <c>$service</c>, <c>$begin</c> and <c>$end</c>.</summary>
    /// <param name="wraps">Whether the range wraps around the ring (begin ≥ end).</param>
    /// <returns>The SQL.</returns>
    internal static string RangeQuery(bool wraps) => wraps
        ? $"""
            SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_hash > $begin
            UNION ALL
            SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_hash <= $end
            """
        : $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end";

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    /// <summary>Orleans stamps reminders in UTC; a local time is converted, an unspecified one taken as UTC.</summary>
    private static long ToUtcTicks(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    private static void AddKey(SqliteCommand command, GrainId grainId, string reminderName)
    {
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
    }

    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.RunAsync(command => Bind(command, sql, bind), command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private Task<List<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.RunAsync(command => Bind(command, sql, bind), async command =>
        {
            var rows = new List<ReminderEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = FormatETag(reader.GetInt64(4)),
                });
            }

            return rows;
        }, cancellationToken);

    /// <summary>Sets the statement and its parameters: <c>$service</c>, this table's service id, and those <paramref name="bind"/> adds.</summary>
    private void Bind(SqliteCommand command, string sql, Action<SqliteCommand> bind)
    {
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        bind(command);
    }
}
