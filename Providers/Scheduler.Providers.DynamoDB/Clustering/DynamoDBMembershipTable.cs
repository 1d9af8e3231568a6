namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>
/// Orleans' membership table in the official DynamoDB layout (see <see cref="SiloInstanceItem"/>):
/// partition = cluster id, sort key = silo identity, plus one version item per cluster.
/// </summary>
/// <remarks>
/// An insert or update is one <c>TransactWriteItems</c> of two writes: the silo item (conditional
/// on not existing, or on its <c>ETag</c>, which then advances by one) and the version item
/// (conditional on the expected <c>ETag</c>, which advances by one, and setting the new
/// <c>MembershipVersion</c>). A transaction cancelled on a condition means another silo changed the
/// table first: the call returns <see langword="false"/> and nothing changed.
/// </remarks>
public sealed class DynamoDBMembershipTable : DynamoDBTableProvider<DynamoDBClusteringOptions>, IMembershipTable
{
    private const int MaxConsistentReadAttempts = 10;
    private static readonly TableVersion MissingVersion = new(0, "0");

    private readonly string _clusterId;

    /// <summary>Creates the table provider; <see cref="InitializeMembershipTable"/> checks or creates the table.</summary>
    /// <param name="options">The clustering options (validated).</param>
    /// <param name="clusterOptions">The cluster id that partitions the table.</param>
    /// <param name="logger">The logger.</param>
    public DynamoDBMembershipTable(IOptions<DynamoDBClusteringOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<DynamoDBMembershipTable> logger)
        : base(options.Value, logger) => _clusterId = clusterOptions.Value.ClusterId;

    /// <inheritdoc/>
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    /// <summary>Checks or creates the table, then (when asked) adds the cluster's version item (version 0, ETag 0) if it is missing.</summary>
    /// <param name="tryInitTableVersion">Whether to add the version item.</param>
    /// <param name="cancellationToken">Cancels the initialisation.</param>
    /// <returns>A task that completes when the table can be used.</returns>
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(SiloInstanceItem.Schema, cancellationToken).ConfigureAwait(false);
        if (!tryInitTableVersion)
        {
            return;
        }

        var item = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.VersionRow);
        item[SiloInstanceItem.MembershipVersion] = DynamoDBRequests.N(0);
        item[SiloInstanceItem.ETag] = DynamoDBRequests.N(0);
        try
        {
            await Client.PutItemAsync(new PutItemRequest { TableName = Options.TableName, Item = item, ConditionExpression = NotExists }, cancellationToken).ConfigureAwait(false);
            DynamoDBLog.VersionRowCreated(Logger, _clusterId);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another silo created it: exactly what we wanted.
        }
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    /// <summary>Reads one silo's entry and the table version atomically (<c>TransactGetItems</c>).</summary>
    /// <param name="key">The silo.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry (none when absent) with its ETag, and the table version (0, "0" when the version item is missing).</returns>
    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        var response = await Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = Options.TableName, Key = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.IdentityOf(key)) } },
                new TransactGetItem { Get = new Get { TableName = Options.TableName, Key = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.VersionRow) } },
            ],
        }, cancellationToken).ConfigureAwait(false);
        return ToTableData(response.Responses.Select(r => r?.Item).OfType<Dictionary<string, AttributeValue>>().Where(i => i.Count > 0));
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    /// <summary>
    /// Reads every entry of the cluster consistently with the version: the version item first, then
    /// the partition (strongly consistent); if an entry carries a newer version than the version item
    /// read, a change landed in between and the read starts again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>All entries with their ETags, and the table version.</returns>
    /// <exception cref="KeyNotFoundException">The cluster has no version item (the table was not initialised).</exception>
    /// <exception cref="InvalidOperationException">The table kept changing during 10 consecutive reads.</exception>
    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxConsistentReadAttempts; attempt++)
        {
            var versionItem = await GetItemAsync(SiloInstanceItem.Key(_clusterId, SiloInstanceItem.VersionRow), cancellationToken).ConfigureAwait(false);
            if (versionItem is null)
            {
                throw new KeyNotFoundException($"Cluster '{_clusterId}' has no membership version row in table '{Options.TableName}'.");
            }

            var items = await QueryPartitionAsync(SiloInstanceItem.DeploymentId, _clusterId, cancellationToken).ConfigureAwait(false);
            var current = SiloInstanceItem.Int(versionItem, SiloInstanceItem.MembershipVersion);
            if (items.All(i => SiloInstanceItem.Int(i, SiloInstanceItem.MembershipVersion) <= current))
            {
                return ToTableData(items.Where(i => i[SiloInstanceItem.SiloIdentity].S != SiloInstanceItem.VersionRow).Append(versionItem));
            }

            DynamoDBLog.MembershipReread(Logger, _clusterId);
        }

        throw new InvalidOperationException($"The membership of cluster '{_clusterId}' changed during {MaxConsistentReadAttempts} consecutive reads.");
    }

    /// <inheritdoc/>
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    /// <summary>Adds a silo's entry (ETag 0) and moves the table to <paramref name="tableVersion"/>, atomically.</summary>
    /// <param name="entry">The new entry.</param>
    /// <param name="tableVersion">The new version and the ETag of the version it replaces.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when the entry exists or the table version changed (nothing written).</returns>
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        if (VersionUpdate(tableVersion) is not { } versionUpdate)
        {
            return false;
        }

        var item = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.IdentityOf(entry.SiloAddress));
        foreach (var (name, value) in SiloInstanceItem.Fields(entry, tableVersion.Version))
        {
            if (value is not null)
            {
                item[name] = value;
            }
        }

        item[SiloInstanceItem.ETag] = DynamoDBRequests.N(0);
        var insert = new TransactWriteItem { Put = new Put { TableName = Options.TableName, Item = item, ConditionExpression = NotExists } };
        return await TransactAsync("insert", entry, tableVersion, [insert, versionUpdate], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    /// <summary>Replaces a silo's entry (its ETag advances by one) and moves the table to <paramref name="tableVersion"/>, atomically.</summary>
    /// <param name="entry">The new entry.</param>
    /// <param name="etag">The entry's ETag as read.</param>
    /// <param name="tableVersion">The new version and the ETag of the version it replaces.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when the entry or the table version changed meanwhile (nothing written).</returns>
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        if (VersionUpdate(tableVersion) is not { } versionUpdate || !int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowETag))
        {
            return false;
        }

        var fields = SiloInstanceItem.Fields(entry, tableVersion.Version);
        var set = fields.Where(f => f.Value is not null).Select(f => $"{f.Key} = :{f.Key}").Append($"{SiloInstanceItem.ETag} = :newETag");
        var remove = fields.Where(f => f.Value is null).Select(f => f.Key).ToList();
        var values = fields.Where(f => f.Value is not null).ToDictionary(f => ":" + f.Key, f => f.Value!);
        values[":newETag"] = DynamoDBRequests.N(rowETag + 1L);
        values[":currentETag"] = DynamoDBRequests.N(rowETag);
        var update = new TransactWriteItem
        {
            Update = new Update
            {
                TableName = Options.TableName,
                Key = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.IdentityOf(entry.SiloAddress)),
                UpdateExpression = $"SET {string.Join(", ", set)}" + (remove.Count > 0 ? $" REMOVE {string.Join(", ", remove)}" : string.Empty),
                ConditionExpression = $"{SiloInstanceItem.ETag} = :currentETag",
                ExpressionAttributeValues = values,
            },
        };
        return await TransactAsync("update", entry, tableVersion, [update, versionUpdate], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    /// <summary>Writes a silo's heartbeat: only its <c>IAmAliveTime</c> changes (not its ETag, not the table version).</summary>
    /// <param name="entry">The entry carrying the silo address and the new time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when written.</returns>
    /// <exception cref="ConditionalCheckFailedException">The silo has no entry.</exception>
    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Options.TableName,
            Key = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.IdentityOf(entry.SiloAddress)),
            UpdateExpression = $"SET {SiloInstanceItem.IAmAliveTime} = :alive",
            ConditionExpression = $"attribute_exists({SiloInstanceItem.DeploymentId}) AND attribute_exists({SiloInstanceItem.SiloIdentity})",
            ExpressionAttributeValues = new() { [":alive"] = DynamoDBRequests.S(LogFormatter.PrintDate(entry.IAmAliveTime)) },
        }, cancellationToken);

    /// <inheritdoc/>
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    /// <summary>Deletes the entries of dead silos whose last heartbeat is before <paramref name="beforeDate"/>; the version is kept.</summary>
    /// <param name="beforeDate">The exclusive upper bound of the last heartbeat of entries to delete.</param>
    /// <param name="cancellationToken">Cancels the cleanup.</param>
    /// <returns>A task that completes when deleted.</returns>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        var defunct = (await QueryPartitionAsync(SiloInstanceItem.DeploymentId, _clusterId, cancellationToken).ConfigureAwait(false))
            .Where(i => i[SiloInstanceItem.SiloIdentity].S != SiloInstanceItem.VersionRow)
            .Where(i => (SiloStatus)SiloInstanceItem.Int(i, SiloInstanceItem.Status) == SiloStatus.Dead)
            .Where(i => i.TryGetValue(SiloInstanceItem.IAmAliveTime, out var alive) && alive.S is { Length: > 0 }
                && new DateTimeOffset(DateTime.SpecifyKind(LogFormatter.ParseDate(alive.S), DateTimeKind.Utc)) < beforeDate)
            .Select(i => SiloInstanceItem.Key(_clusterId, i[SiloInstanceItem.SiloIdentity].S))
            .ToList();
        await DynamoDBRequests.DeleteAllAsync(Client, Options.TableName, defunct, cancellationToken).ConfigureAwait(false);
        DynamoDBLog.DefunctRowsRemoved(Logger, defunct.Count, _clusterId);
    }

    /// <inheritdoc/>
    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    /// <summary>Deletes every item of a cluster, its version item included.</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when deleted.</returns>
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        var keys = (await QueryPartitionAsync(SiloInstanceItem.DeploymentId, clusterId, cancellationToken).ConfigureAwait(false))
            .Select(i => SiloInstanceItem.Key(clusterId, i[SiloInstanceItem.SiloIdentity].S));
        await DynamoDBRequests.DeleteAllAsync(Client, Options.TableName, keys, cancellationToken).ConfigureAwait(false);
    }

    private static string NotExists => $"attribute_not_exists({SiloInstanceItem.DeploymentId}) AND attribute_not_exists({SiloInstanceItem.SiloIdentity})";

    private TransactWriteItem? VersionUpdate(TableVersion tableVersion)
    {
        if (!int.TryParse(tableVersion.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var current))
        {
            return null;
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = Options.TableName,
                Key = SiloInstanceItem.Key(_clusterId, SiloInstanceItem.VersionRow),
                UpdateExpression = $"SET {SiloInstanceItem.MembershipVersion} = :version, {SiloInstanceItem.ETag} = :newETag",
                ConditionExpression = $"{SiloInstanceItem.ETag} = :currentETag",
                ExpressionAttributeValues = new()
                {
                    [":version"] = DynamoDBRequests.N(tableVersion.Version),
                    [":newETag"] = DynamoDBRequests.N(current + 1L),
                    [":currentETag"] = DynamoDBRequests.N(current),
                },
            },
        };
    }

    private async Task<bool> TransactAsync(string operation, MembershipEntry entry, TableVersion tableVersion, List<TransactWriteItem> writes, CancellationToken cancellationToken)
    {
        try
        {
            await Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = writes }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TransactionCanceledException exception) when (DynamoDBRequests.FailedOnCondition(exception))
        {
            DynamoDBLog.MembershipConflict(Logger, operation, entry.SiloAddress.ToString(), tableVersion.Version, tableVersion.VersionEtag);
            return false;
        }
    }

    private MembershipTableData ToTableData(IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        var version = MissingVersion;
        var entries = new List<Tuple<MembershipEntry, string>>();
        foreach (var item in items)
        {
            var identity = item[SiloInstanceItem.SiloIdentity].S;
            var eTag = item.TryGetValue(SiloInstanceItem.ETag, out var e) ? e.N : "0";
            if (identity == SiloInstanceItem.VersionRow)
            {
                version = new TableVersion(SiloInstanceItem.Int(item, SiloInstanceItem.MembershipVersion), eTag);
                continue;
            }

            try
            {
                entries.Add(Tuple.Create(SiloInstanceItem.Parse(item), eTag));
            }
            catch (Exception exception) when (exception is FormatException or KeyNotFoundException or OverflowException)
            {
                DynamoDBLog.MembershipRowUnreadable(Logger, exception, identity, _clusterId);
            }
        }

        return new MembershipTableData(entries, version);
    }
}
