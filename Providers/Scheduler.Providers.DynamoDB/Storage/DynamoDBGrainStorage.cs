using Orleans.Serialization.Serializers;

namespace Scheduler.Providers.DynamoDB.Storage;

/// <summary>
/// Grain storage in the official Orleans DynamoDB layout: one item per state, partition key
/// <c>GrainReference</c> = <c>{serviceId}_{grainId}</c>, sort key <c>GrainType</c> = state name,
/// <c>GrainState</c> (binary, from the options' <see cref="IGrainStorageSerializer"/>),
/// <c>ETag</c> (number) and optionally <c>GrainTtl</c>.
/// </summary>
/// <remarks>
/// The first write is conditional on the item not existing and stores ETag 0; every later write
/// or clear is conditional on <c>ETag = current</c> and stores current + 1. A failed condition is
/// an <see cref="InconsistentStateException"/> carrying the stored and the expected ETag, and
/// changes nothing. Items over DynamoDB's 400 KB limit are refused before any request.
/// </remarks>
public sealed class DynamoDBGrainStorage : DynamoDBTableProvider<DynamoDBStorageOptions>, IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _time;

    /// <summary>Creates the provider; the table is checked or created when the silo starts (<see cref="Participate"/>).</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="options">The provider's options (validated).</param>
    /// <param name="clusterOptions">The service id that prefixes every partition key.</param>
    /// <param name="activators">Creates empty states.</param>
    /// <param name="time">The clock for <c>GrainTtl</c>.</param>
    /// <param name="logger">The logger.</param>
    public DynamoDBGrainStorage(string name, DynamoDBStorageOptions options, IOptions<ClusterOptions> clusterOptions, IActivatorProvider activators, TimeProvider time, ILogger<DynamoDBGrainStorage> logger)
        : base(options, logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        _serviceId = clusterOptions.Value.ServiceId;
        _activators = activators;
        _time = time;
    }

    /// <summary>Checks or creates the table at <see cref="DynamoDBStorageOptions.InitStage"/>.</summary>
    /// <param name="lifecycle">The silo's lifecycle.</param>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(DynamoDBGrainStorage)}-{_name}", Options.InitStage, InitializeAsync);

    /// <summary>Checks or creates the table.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(GrainStateTable.Schema(Options.TimeToLive.HasValue), cancellationToken).ConfigureAwait(false);
        DynamoDBLog.StorageInitialized(Logger, _name, Options.TableName);
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <summary>Reads a state (strongly consistent). A missing item leaves an empty state with no ETag.</summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="grainState">Receives the state, its ETag and whether a record exists.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the state is read.</returns>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var item = await GetAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            Reset(grainState, eTag: null);
            return;
        }

        var stored = item.TryGetValue(GrainStateTable.GrainState, out var value) && value.B is { Length: > 0 } bytes ? bytes.ToArray() : null;
        grainState.State = stored is null ? Create<T>() : Options.GrainStorageSerializer.Deserialize<T>(new BinaryData(stored));
        grainState.RecordExists = stored is not null;
        grainState.ETag = item[GrainStateTable.ETag].N;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <summary>Writes a state, conditional on its ETag (absent item when the ETag is <see langword="null"/>).</summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="grainState">The state and the ETag it was read with; receives the new ETag.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    /// <exception cref="InconsistentStateException">The stored ETag differs from <see cref="IGrainState{T}.ETag"/>; nothing was written.</exception>
    /// <exception cref="DynamoDBItemSizeExceededException">The item would exceed 400 KB; nothing was written.</exception>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var bytes = Options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await StoreAsync(stateName, grainId, grainState.ETag, bytes, cancellationToken).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <summary>
    /// Clears a state, conditional on its ETag: deletes the item with
    /// <see cref="DynamoDBStorageOptions.DeleteStateOnClear"/> (the ETag becomes <see langword="null"/>),
    /// otherwise empties <c>GrainState</c> and advances the ETag.
    /// </summary>
    /// <typeparam name="T">The state type.</typeparam>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="grainState">The ETag it was read with; receives the empty state and the new ETag.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the state is cleared.</returns>
    /// <exception cref="InconsistentStateException">The stored ETag differs from <see cref="IGrainState{T}.ETag"/>; nothing was changed.</exception>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        string? eTag;
        if (Options.DeleteStateOnClear)
        {
            await ConditionalAsync(stateName, grainId, grainState.ETag, () => Client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Options.TableName,
                Key = GrainStateTable.Key(_serviceId, grainId, stateName),
                ConditionExpression = ExpectedETagCondition(grainState.ETag, out var values),
                ExpressionAttributeValues = values,
            }, cancellationToken)).ConfigureAwait(false);
            eTag = null;
        }
        else
        {
            eTag = await StoreAsync(stateName, grainId, grainState.ETag, state: null, cancellationToken).ConfigureAwait(false);
        }

        Reset(grainState, eTag);
    }

    private async Task<string> StoreAsync(string stateName, GrainId grainId, string? expectedETag, byte[]? state, CancellationToken cancellationToken)
    {
        var newETag = expectedETag is null ? 0 : ParseETag(stateName, grainId, expectedETag) + 1;
        var item = GrainStateTable.Key(_serviceId, grainId, stateName);
        item[GrainStateTable.ETag] = DynamoDBRequests.N(newETag);
        item[GrainStateTable.GrainState] = state is { Length: > 0 } ? new AttributeValue { B = new MemoryStream(state) } : new AttributeValue { NULL = true };
        if (Options.TimeToLive is { } ttl)
        {
            item[GrainStateTable.GrainTtl] = DynamoDBRequests.N(_time.GetUtcNow().Add(ttl).ToUnixTimeSeconds());
        }

        var size = DynamoDBItemSize.Of(item);
        if (size > DynamoDBItemSize.MaxBytes)
        {
            throw new DynamoDBItemSizeExceededException(stateName, grainId.ToString(), size);
        }

        // A whole-item put, conditional on the expected version, replaces the state and the
        // ETag together (the official provider's UpdateItem sets the same attributes).
        await ConditionalAsync(stateName, grainId, expectedETag, () => Client.PutItemAsync(new PutItemRequest
        {
            TableName = Options.TableName,
            Item = item,
            ConditionExpression = ExpectedETagCondition(expectedETag, out var values),
            ExpressionAttributeValues = values,
        }, cancellationToken)).ConfigureAwait(false);
        return newETag.ToString(CultureInfo.InvariantCulture);
    }

    private static string ExpectedETagCondition(string? expectedETag, out Dictionary<string, AttributeValue>? values)
    {
        if (expectedETag is null)
        {
            values = null;
            return $"attribute_not_exists({GrainStateTable.GrainReference}) AND attribute_not_exists({GrainStateTable.GrainType})";
        }

        values = new() { [":currentETag"] = new AttributeValue { N = expectedETag } };
        return $"{GrainStateTable.ETag} = :currentETag";
    }

    private async Task ConditionalAsync(string stateName, GrainId grainId, string? expectedETag, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            // Only the conflict path pays for this read: it tells the caller what is stored now.
            var stored = (await GetAsync(stateName, grainId, CancellationToken.None).ConfigureAwait(false))?[GrainStateTable.ETag].N;
            DynamoDBLog.StateConflict(Logger, stateName, grainId.ToString(), stored, expectedETag);
            throw new InconsistentStateException(
                $"State '{stateName}' of grain {grainId} was changed by another writer (stored ETag {stored ?? "none"}, expected {expectedETag ?? "none"}).",
                stored,
                expectedETag,
                exception);
        }
    }

    private Task<Dictionary<string, AttributeValue>?> GetAsync(string stateName, GrainId grainId, CancellationToken cancellationToken) =>
        GetItemAsync(GrainStateTable.Key(_serviceId, grainId, stateName), cancellationToken);

    private static long ParseETag(string stateName, GrainId grainId, string eTag) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InconsistentStateException($"State '{stateName}' of grain {grainId} has ETag '{eTag}', which this provider never issues.", null, eTag);

    private void Reset<T>(IGrainState<T> grainState, string? eTag)
    {
        grainState.State = Create<T>();
        grainState.RecordExists = false;
        grainState.ETag = eTag;
    }

    private T Create<T>() => _activators.GetActivator<T>().Create();
}
