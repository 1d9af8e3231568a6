using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// The membership table in DynamoDB. One partition per cluster, <c>pk</c> =
/// <c>{serviceId}/{clusterId}</c>, holding:
/// <list type="bullet">
/// <item>the <b>version item</b> (<c>sk</c> = <c>version</c>): <c>version</c> (N), <c>etag</c> (N,
/// random 63-bit) and <c>silos</c> (M), a map from silo key (<see cref="MembershipEntry.KeyOf"/>) to
/// <c>{ etag: N, entry: S }</c> (the entry as JSON, <see cref="MembershipEntrySerializer"/>);</item>
/// <item>one <b>heartbeat item</b> per silo (<c>sk</c> = <c>alive/{siloKey}</c>): <c>iAmAlive</c>
/// (N, UTC ticks).</item>
/// </list>
/// Because every versioned change touches a single item, an insert or update is one
/// <c>UpdateItem</c> whose condition checks the version item's ETag and number and the silo's
/// entry (absent, or with the expected ETag): DynamoDB evaluates the condition and applies the
/// write atomically, so the row and the version change together or not at all. Heartbeats go to
/// their own items, so they never contend with versioned changes and cost one write unit each.
/// </summary>
/// <remarks>
/// Single-item conditional writes give the same guarantee as a <c>TransactWriteItems</c> of the
/// silo item and the version item, and also run on dynalite, which does not implement
/// transactions. The cost: the version item holds every silo's entry, so its size bounds the
/// cluster (an entry is about 400 bytes; the 400 KB item limit allows about a thousand silos,
/// dead rows included until <see cref="CleanupDefunctEntriesAsync"/> removes them). Reads are
/// one strongly consistent <c>Query</c> of the partition.
/// </remarks>
public sealed class DynamoDbMembershipTable : IMembershipTable
{
    private const string VersionSortKey = "version";
    private const string AlivePrefix = "alive/";
    private const int CleanupAttempts = 5;

    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly string _serviceId;
    private readonly string _clusterId;
    private readonly ILogger _logger;

    /// <summary>Creates the table provider over an existing table (see <see cref="DynamoDbTables.EnsureTableAsync"/>).</summary>
    /// <param name="client">The DynamoDB client; not disposed by the provider.</param>
    /// <param name="tableName">The table (key schema <c>pk</c> S HASH, <c>sk</c> S RANGE).</param>
    /// <param name="serviceId">The service id.</param>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="logger">Logs conflicts at debug level; <see langword="null"/> for none.</param>
    public DynamoDbMembershipTable(IAmazonDynamoDB client, string tableName, string serviceId, string clusterId, ILogger<DynamoDbMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _client = client;
        _tableName = tableName;
        _serviceId = serviceId;
        _clusterId = clusterId;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates the table of a host's services: the <see cref="DynamoDbConnection"/>'s client and table name, partitioned by the <see cref="SiloOptions"/>' service and cluster ids.</summary>
    internal static DynamoDbMembershipTable Create(IServiceProvider services)
    {
        var connection = services.GetRequiredService<DynamoDbConnection>();
        var silo = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        return new DynamoDbMembershipTable(
            connection.Client,
            connection.Options.MembershipTableName,
            silo.ServiceId,
            silo.ClusterId,
            services.GetRequiredService<ILogger<DynamoDbMembershipTable>>());
    }

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken) =>
        ReadAsync(MembershipEntry.KeyOf(silo), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The first insert of a cluster is a <c>PutItem</c> of the version item with <c>attribute_not_exists(pk)</c>; later ones an <c>UpdateItem</c> with <c>etag = :expected AND version = :previous AND attribute_not_exists(silos.#key)</c>.</remarks>
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var key = MembershipEntry.KeyOf(entry.Silo);
        if (version.ETag.Length == 0)
        {
            if (version.Version != 1)
            {
                return false;
            }

            var item = VersionKey(_clusterId);
            item["version"] = Number(1);
            item["etag"] = DynamoDbETag.Attribute(DynamoDbETag.New());
            item["silos"] = new AttributeValue { M = new Dictionary<string, AttributeValue> { [key] = Row(entry) } };
            return await ConditionalAsync(
                () => _client.PutItemAsync(new PutItemRequest { TableName = _tableName, Item = item, ConditionExpression = "attribute_not_exists(pk)" }, cancellationToken),
                key).ConfigureAwait(false);
        }

        return await VersionedUpdateAsync(entry, key, "attribute_not_exists(silos.#key)", null, version, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>An <c>UpdateItem</c> of the version item with <c>etag = :expected AND version = :previous AND silos.#key.etag = :rowETag</c>.</remarks>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        if (!DynamoDbETag.TryParse(etag, out var rowETag))
        {
            return Task.FromResult(false);
        }

        return VersionedUpdateAsync(entry, MembershipEntry.KeyOf(entry.Silo), "silos.#key.etag = :rowETag", rowETag, version, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>An <c>UpdateItem</c> of the silo's heartbeat item with <c>attribute_not_exists(iAmAlive) OR iAmAlive &lt; :time</c>; a failed condition (an older time) is ignored.</remarks>
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken)
    {
        var key = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = PartitionKey(_clusterId) },
            ["sk"] = new() { S = AlivePrefix + MembershipEntry.KeyOf(silo) },
        };
        await ConditionalAsync(
            () => _client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _tableName,
                Key = key,
                UpdateExpression = "SET iAmAlive = :time",
                ConditionExpression = "attribute_not_exists(iAmAlive) OR iAmAlive < :time",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":time"] = Number(iAmAliveTime.UtcTicks) },
            }, cancellationToken),
            MembershipEntry.KeyOf(silo)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Removes the entries from the version item in one conditional <c>UpdateItem</c> (re-read and retried up to 5 times when another change comes first), then deletes their heartbeat items.</remarks>
    public async Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CleanupAttempts; attempt++)
        {
            var snapshot = await ReadAsync(null, cancellationToken).ConfigureAwait(false);
            var defunct = snapshot.Rows
                .Where(r => r.Entry.Status == SiloMembershipStatus.Dead && r.Entry.LastAlive < before)
                .Select(r => MembershipEntry.KeyOf(r.Entry.Silo))
                .ToList();
            if (defunct.Count == 0)
            {
                return 0;
            }

            var names = new Dictionary<string, string> { ["#v"] = "version" };
            for (var i = 0; i < defunct.Count; i++)
            {
                names[$"#k{i}"] = defunct[i];
            }

            var removed = await ConditionalAsync(
                () => _client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = _tableName,
                    Key = VersionKey(_clusterId),
                    UpdateExpression = "SET #v = :next, etag = :new REMOVE " + string.Join(", ", defunct.Select((_, i) => $"silos.#k{i}")),
                    ConditionExpression = "etag = :expected AND #v = :previous",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":next"] = Number(snapshot.Version.Version + 1),
                        [":previous"] = Number(snapshot.Version.Version),
                        [":new"] = DynamoDbETag.Attribute(DynamoDbETag.New()),
                        [":expected"] = new() { N = snapshot.Version.ETag },
                    },
                }, cancellationToken),
                "cleanup").ConfigureAwait(false);
            if (!removed)
            {
                continue;
            }

            foreach (var key in defunct)
            {
                await _client.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = _tableName,
                    Key = new Dictionary<string, AttributeValue>
                    {
                        ["pk"] = new() { S = PartitionKey(_clusterId) },
                        ["sk"] = new() { S = AlivePrefix + key },
                    },
                }, cancellationToken).ConfigureAwait(false);
            }

            return defunct.Count;
        }

        return 0;
    }

    /// <inheritdoc />
    /// <remarks>Queries the cluster's partition (keys only) and deletes every item.</remarks>
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        var items = await QueryPartitionAsync(clusterId, "pk, sk", cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            await _client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _tableName,
                Key = new Dictionary<string, AttributeValue> { ["pk"] = item["pk"], ["sk"] = item["sk"] },
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue Row(MembershipEntry entry) => new()
    {
        M = new Dictionary<string, AttributeValue>
        {
            ["etag"] = DynamoDbETag.Attribute(DynamoDbETag.New()),
            ["entry"] = new() { S = MembershipEntrySerializer.Serialize(entry) },
        },
    };

    private static long ParseLong(AttributeValue value) => long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private async Task<bool> VersionedUpdateAsync(MembershipEntry entry, string key, string rowCondition, long? rowETag, TableVersion version, CancellationToken cancellationToken)
    {
        if (!DynamoDbETag.TryParse(version.ETag, out var expected))
        {
            return false;
        }

        var values = new Dictionary<string, AttributeValue>
        {
            [":row"] = Row(entry),
            [":next"] = Number(version.Version),
            [":previous"] = Number(version.Version - 1),
            [":new"] = DynamoDbETag.Attribute(DynamoDbETag.New()),
            [":expected"] = DynamoDbETag.Attribute(expected),
        };
        if (rowETag is { } etag)
        {
            values[":rowETag"] = DynamoDbETag.Attribute(etag);
        }

        return await ConditionalAsync(
            () => _client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _tableName,
                Key = VersionKey(_clusterId),
                UpdateExpression = "SET silos.#key = :row, #v = :next, etag = :new",
                ConditionExpression = $"etag = :expected AND #v = :previous AND {rowCondition}",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#key"] = key, ["#v"] = "version" },
                ExpressionAttributeValues = values,
            }, cancellationToken),
            key).ConfigureAwait(false);
    }

    private async Task<bool> ConditionalAsync<T>(Func<Task<T>> write, string what)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            DynamoDbLog.MembershipConflict(_logger, _clusterId, what);
            return false;
        }
    }

    private async Task<MembershipTableSnapshot> ReadAsync(string? onlyKey, CancellationToken cancellationToken)
    {
        var items = await QueryPartitionAsync(_clusterId, null, cancellationToken).ConfigureAwait(false);
        var version = TableVersion.Initial;
        var rows = new List<MembershipRow>();
        var alive = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var sk = item["sk"].S;
            if (sk == VersionSortKey)
            {
                version = new TableVersion((int)ParseLong(item["version"]), item["etag"].N);
                foreach (var (key, row) in item.TryGetValue("silos", out var silos) && silos.M is not null ? silos.M : [])
                {
                    if (onlyKey is null || onlyKey == key)
                    {
                        rows.Add(new MembershipRow(MembershipEntrySerializer.Deserialize(row.M["entry"].S), row.M["etag"].N));
                    }
                }
            }
            else if (sk.StartsWith(AlivePrefix, StringComparison.Ordinal) && item.TryGetValue("iAmAlive", out var time))
            {
                alive[sk[AlivePrefix.Length..]] = new DateTimeOffset(ParseLong(time), TimeSpan.Zero);
            }
        }

        var merged = rows
            .Select(r => alive.TryGetValue(MembershipEntry.KeyOf(r.Entry.Silo), out var beat) && beat > r.Entry.IAmAliveTime
                ? r with { Entry = r.Entry with { IAmAliveTime = beat } }
                : r)
            .OrderBy(r => MembershipEntry.KeyOf(r.Entry.Silo), StringComparer.Ordinal)
            .ToList();
        return new MembershipTableSnapshot(merged, version);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryPartitionAsync(string clusterId, string? projection, CancellationToken cancellationToken)
    {
        var query = new QueryRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = PartitionKey(clusterId) } },
            ProjectionExpression = projection,
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            if (response.Items is not null)
            {
                items.AddRange(response.Items);
            }

            query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (query.ExclusiveStartKey is not null);
        return items;
    }

    private string PartitionKey(string clusterId) => string.Concat(_serviceId, "/", clusterId);

    private Dictionary<string, AttributeValue> VersionKey(string clusterId) => new()
    {
        ["pk"] = new() { S = PartitionKey(clusterId) },
        ["sk"] = new() { S = VersionSortKey },
    };
}
