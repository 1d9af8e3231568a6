namespace Scheduler.Providers.DynamoDB.Reminders;

/// <summary>
/// Orleans' reminder table in the official DynamoDB layout (see <see cref="ReminderItem"/>). Ring
/// ranges and per-grain reads query the secondary indexes (eventually consistent, as in the
/// official provider); single reminders are read strongly consistent by key.
/// </summary>
/// <remarks>
/// <see cref="UpsertRow(ReminderEntry)"/> replaces the item and gives it a new random ETag;
/// <see cref="RemoveRow(GrainId, string, string)"/> deletes only while the ETag is the one given.
/// </remarks>
public sealed class DynamoDBReminderTable : DynamoDBTableProvider<DynamoDBReminderStorageOptions>, IReminderTable
{
    private readonly string _serviceId;

    /// <summary>Creates the table provider; <see cref="StartAsync"/> checks or creates the table.</summary>
    /// <param name="options">The options (validated).</param>
    /// <param name="clusterOptions">The service id that partitions the indexes.</param>
    /// <param name="logger">The logger.</param>
    public DynamoDBReminderTable(IOptions<DynamoDBReminderStorageOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<DynamoDBReminderTable> logger)
        : base(options.Value, logger) => _serviceId = clusterOptions.Value.ServiceId;

    /// <summary>Checks or creates the table and its two indexes.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureTableAsync(ReminderItem.Schema, cancellationToken);

    /// <summary>Same as <see cref="StartAsync"/>.</summary>
    /// <returns>A task that completes when the table can be used.</returns>
    public Task Init() => StartAsync(CancellationToken.None);

    /// <summary>Nothing to stop: the client is disposed with the provider.</summary>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>Reads one reminder by key (strongly consistent).</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reminder, or <see langword="null"/> when there is none.</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        await GetItemAsync(ReminderItem.Key(_serviceId, grainId, reminderName), cancellationToken).ConfigureAwait(false) is { } item ? ReminderItem.Parse(item) : null;

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <summary>Reads a grain's reminders through <c>ServiceIdGrainReferenceIndex</c>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grain's reminders.</returns>
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await QueryAsync(ReminderItem.GrainIndex, $"{ReminderItem.GrainReference} = :grain", [(":grain", DynamoDBRequests.S(grainId.ToString()))], cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Reads the reminders whose grain hash is in the ring range (<paramref name="begin"/>,
    /// <paramref name="end"/>]; when <paramref name="begin"/> &gt;= <paramref name="end"/> the range
    /// wraps: hashes above <paramref name="begin"/> and hashes up to <paramref name="end"/> (the whole
    /// ring when they are equal). One or two queries of <c>ServiceIdIndex</c>.
    /// </summary>
    /// <param name="begin">The exclusive lower bound.</param>
    /// <param name="end">The inclusive upper bound.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reminders in the range.</returns>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        const string Hash = ReminderItem.GrainHash;
        if (begin < end)
        {
            return new(await QueryAsync(ReminderItem.HashIndex, $"{Hash} BETWEEN :first AND :last", [(":first", DynamoDBRequests.N(begin + 1L)), (":last", DynamoDBRequests.N(end))], cancellationToken).ConfigureAwait(false));
        }

        var low = await QueryAsync(ReminderItem.HashIndex, $"{Hash} <= :last", [(":last", DynamoDBRequests.N(end))], cancellationToken).ConfigureAwait(false);
        var high = await QueryAsync(ReminderItem.HashIndex, $"{Hash} > :first", [(":first", DynamoDBRequests.N(begin))], cancellationToken).ConfigureAwait(false);
        return new(high.Concat(low));
    }

    /// <inheritdoc/>
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Stores a reminder (replacing any with the same grain and name) under a new random ETag.</summary>
    /// <param name="entry">The reminder; its <see cref="ReminderEntry.ETag"/> is set to the new one.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new ETag (a positive 63-bit number, as text).</returns>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var eTag = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        await Client.PutItemAsync(new PutItemRequest { TableName = Options.TableName, Item = ReminderItem.From(_serviceId, entry, eTag) }, cancellationToken).ConfigureAwait(false);
        entry.ETag = eTag;
        return eTag;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Deletes a reminder if its ETag is still <paramref name="eTag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="eTag">The ETag it was read with.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when deleted; <see langword="false"/> when it is missing or its ETag changed.</returns>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        try
        {
            await Client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Options.TableName,
                Key = ReminderItem.Key(_serviceId, grainId, reminderName),
                ConditionExpression = $"{ReminderItem.ETag} = :currentETag",
                ExpressionAttributeValues = new() { [":currentETag"] = new AttributeValue { N = eTag } },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            DynamoDBLog.ReminderConflict(Logger, reminderName, grainId.ToString(), eTag);
            return false;
        }
    }

    /// <inheritdoc/>
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes every reminder of this service.</summary>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when deleted.</returns>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var all = await ReadRows(0u, 0u, cancellationToken).ConfigureAwait(false);
        var keys = all.Reminders.Select(r => ReminderItem.Key(_serviceId, r.GrainId, r.ReminderName));
        await DynamoDBRequests.DeleteAllAsync(Client, Options.TableName, keys, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string index, string rangeCondition, (string Name, AttributeValue Value)[] values, CancellationToken cancellationToken)
    {
        var attributeValues = values.ToDictionary(v => v.Name, v => v.Value);
        attributeValues[":service"] = DynamoDBRequests.S(_serviceId);
        var items = await DynamoDBRequests.QueryAllAsync(Client, new QueryRequest
        {
            TableName = Options.TableName,
            IndexName = index,
            KeyConditionExpression = $"{ReminderItem.ServiceId} = :service AND {rangeCondition}",
            ExpressionAttributeValues = attributeValues,
        }, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(ReminderItem.Parse)];
    }
}
