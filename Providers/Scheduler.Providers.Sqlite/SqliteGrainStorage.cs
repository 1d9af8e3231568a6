using System.Globalization;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;

namespace Scheduler.Providers.Sqlite;

/// <summary>
/// Orleans grain storage in a SQLite file (table <c>orleans_grain_state</c>). The payload is
/// written by the configured <see cref="IGrainStorageSerializer"/>; the ETag is a number, as a
/// string, that grows by one on every write. The first write succeeds only when no row exists,
/// later writes and clears only when the stored ETag matches; otherwise
/// <see cref="InconsistentStateException"/> is thrown and nothing changes. Each conditional
/// write is a single statement, so concurrent writers on any number of connections are safe.
/// </summary>
/// <remarks>
/// Writes and clears go through one <see cref="SqliteGroupCommitWriter"/> per provider, which
/// commits all writes pending at once in one transaction (see there for batching, fault isolation
/// and cancellation); a write's task completes after its transaction is durable. Reads, and the
/// read of the stored ETag after a conflict, use pooled connections (WAL: they never wait for the
/// writer). After the lifecycle stop (<c>CloseAsync</c>) has waited for the accepted writes,
/// further writes and clears fail with <see cref="ObjectDisposedException"/>; reads still work.
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string Key = "service_id = $service AND grain_id = $grain AND state_name = $state";

    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _serviceId;
    private readonly SqliteDatabase _database;
    private readonly SqliteGroupCommitWriter _writer;

    /// <summary>Creates the provider; the file is opened at <see cref="SqliteGrainStorageOptions.InitStage"/> or on first use.</summary>
    /// <param name="name">The provider name.</param>
    /// <param name="options">The provider's options; <see cref="SqliteGrainStorageOptions.GrainStorageSerializer"/> must be set.</param>
    /// <param name="clusterOptions">Supplies the service id that scopes every row.</param>
    /// <param name="activators">Creates the empty state a missing or cleared record reads as.</param>
    /// <param name="time">The clock for <c>modified_at</c>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">The options have no serializer.</exception>
    public SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activators,
        TimeProvider time,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} is not set.", nameof(options));
        _activators = activators;
        _time = time;
        _logger = logger;
        _serviceId = clusterOptions.Value.ServiceId;
        _database = new SqliteDatabase(options.DatabasePath, options.BusyTimeout, SqliteGrainStorageSchema.Create);
        _writer = new SqliteGroupCommitWriter(_database, "grain storage", name, logger);
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), _options.InitStage, InitializeAsync, CloseAsync);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("read", stateName, grainId, async () =>
        {
            var row = await _database.RunAsync(
                command => Bind(command, $"SELECT etag, payload FROM orleans_grain_state WHERE {Key}", stateName, grainId),
                async command =>
                {
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                        ? (ETag: reader.GetInt64(0), Payload: reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1))
                        : ((long ETag, byte[]? Payload)?)null;
                },
                cancellationToken).ConfigureAwait(false);
            grainState.State = row?.Payload is { } payload ? _serializer.Deserialize<T>(BinaryData.FromBytes(payload)) : _activators.GetActivator<T>().Create();
            grainState.ETag = row is { } stored ? FormatETag(stored.ETag) : null;
            grainState.RecordExists = row?.Payload is not null;
        });

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("write", stateName, grainId, async () =>
        {
            var payload = _serializer.Serialize(grainState.State).ToArray();
            var expected = grainState.ETag;
            var sql = expected is null
                ? "INSERT INTO orleans_grain_state (service_id, grain_id, state_name, etag, payload, modified_at) VALUES ($service, $grain, $state, 1, $payload, $modified) ON CONFLICT DO NOTHING"
                : $"UPDATE orleans_grain_state SET etag = etag + 1, payload = $payload, modified_at = $modified WHERE {Key} AND etag = $expected";
            await ChangeAsync("write", sql, stateName, grainId, expected, payload, cancellationToken).ConfigureAwait(false);
            grainState.ETag = expected is null ? FormatETag(1) : FormatETag(ParseETag(expected) + 1);
            grainState.RecordExists = true;
        });

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="SqliteGrainStorageOptions.DeleteStateOnClear"/> off (the default) the row is
    /// kept without a payload and its ETag advances; the state then reads as missing
    /// (<see cref="IGrainState{T}.RecordExists"/> false) with that ETag. With it on, the row is deleted
    /// and the ETag becomes <see langword="null"/>. Clearing a state that was never written, with a
    /// <see langword="null"/> ETag, succeeds and changes nothing.
    /// </remarks>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("clear", stateName, grainId, async () =>
        {
            var expected = grainState.ETag;
            if (expected is null)
            {
                var stored = await ReadETagAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
                if (stored is not null)
                {
                    throw Conflict("clear", stateName, grainId, stored, expected);
                }

                grainState.RecordExists = false;
                return;
            }

            var sql = _options.DeleteStateOnClear
                ? $"DELETE FROM orleans_grain_state WHERE {Key} AND etag = $expected"
                : $"UPDATE orleans_grain_state SET etag = etag + 1, payload = NULL, modified_at = $modified WHERE {Key} AND etag = $expected";
            await ChangeAsync("clear", sql, stateName, grainId, expected, payload: null, cancellationToken).ConfigureAwait(false);
            grainState.ETag = _options.DeleteStateOnClear ? null : FormatETag(ParseETag(expected) + 1);
            grainState.RecordExists = false;
        });

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ETag that is not one of ours matches no row (-1 is never stored).</summary>
    private static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private Task InitializeAsync(CancellationToken cancellationToken) =>
        _database.StartAsync(_logger, "grain storage", _name, cancellationToken);

    /// <summary>The lifecycle stop: waits for the accepted writes to be committed, then closes the idle pooled connections.</summary>
    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        _database.ClosePool();
    }

    private SqliteCommand Bind(SqliteCommand command, string sql, string stateName, GrainId grainId, string? expectedETag = null)
    {
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        if (expectedETag is not null)
        {
            command.Parameters.AddWithValue("$expected", ParseETag(expectedETag));
        }

        return command;
    }

    private async Task<string?> ReadETagAsync(string stateName, GrainId grainId, CancellationToken cancellationToken) =>
        await _database.RunAsync(
            command => Bind(command, $"SELECT etag FROM orleans_grain_state WHERE {Key}", stateName, grainId),
            command => command.ExecuteScalarAsync(cancellationToken),
            cancellationToken).ConfigureAwait(false) is long etag ? FormatETag(etag) : null;

    /// <summary>
    /// Runs a conditional write or clear (<c>$modified</c> is now; <c>$payload</c> bound when given) through the
    /// group-commit writer; a statement that changed no row lost to another writer.
    /// </summary>
    /// <exception cref="InconsistentStateException">No row matched the expected ETag; nothing was changed.</exception>
    private async Task ChangeAsync(string operation, string sql, string stateName, GrainId grainId, string? expected, byte[]? payload, CancellationToken cancellationToken)
    {
        var modifiedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = await _writer.ExecuteAsync(
            command =>
            {
                Bind(command, sql, stateName, grainId, expected);
                command.Parameters.AddWithValue("$modified", modifiedAt);
                if (payload is not null)
                {
                    command.Parameters.AddWithValue("$payload", payload);
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw await ConflictAsync(operation, stateName, grainId, expected).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The conflict of a write that changed no row, with the ETag stored now. Not cancellable: the
    /// write was already taken by the writer, and its caller gets its outcome.
    /// </summary>
    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, GrainId grainId, string? expectedETag) =>
        Conflict(operation, stateName, grainId, await ReadETagAsync(stateName, grainId, CancellationToken.None).ConfigureAwait(false), expectedETag);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? stored, string? expectedETag)
    {
        SqliteProviderLog.ETagConflict(_logger, operation, stateName, grainId.ToString(), stored, expectedETag);
        return new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of {grainId} in SQLite grain storage '{_name}': stored ETag {stored ?? "(none)"}, expected {expectedETag ?? "(none)"}. Nothing was changed.",
            stored,
            expectedETag);
    }

    private async Task RunAsync(string operation, string stateName, GrainId grainId, Func<Task> body)
    {
        try
        {
            await body().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not InconsistentStateException and not OperationCanceledException)
        {
            SqliteProviderLog.StorageOperationFailed(_logger, exception, _name, operation, stateName, grainId.ToString());
            throw;
        }
    }
}
