using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Scheduler.Providers.DynamoDB.DataProtection;

/// <summary>
/// The ASP.NET Core Data Protection key ring in a DynamoDB table, so every silo and gateway of a
/// service shares one ring (credentials one silo encrypted are readable by the next, OAuth state one
/// gateway issued is accepted by another). One item per key: <c>ServiceId</c> (partition),
/// <c>FriendlyName</c> (sort key), <c>Xml</c> (the key element as Data Protection hands it over,
/// unencrypted unless an XML encryptor is configured; DynamoDB encrypts tables at rest).
/// </summary>
/// <remarks>
/// Data Protection calls these methods synchronously and caches the ring (about a day, refreshed
/// earlier near a key's expiry), so the blocking calls are rare. The table is checked, or created
/// with <see cref="DynamoDBTableOptions.CreateIfNotExists"/>, on first use.
/// </remarks>
public sealed class DynamoDBXmlRepository : DynamoDBTableProvider<DynamoDBKeyRingOptions>, IXmlRepository
{
    private const string ServiceIdAttribute = "ServiceId";
    private const string FriendlyNameAttribute = "FriendlyName";
    private const string XmlAttribute = "Xml";

    /// <summary>The key ring table's keys; no secondary indexes.</summary>
    internal static readonly DynamoDBTableSchema Schema = new(
        new DynamoDBKeyAttribute(ServiceIdAttribute, ScalarAttributeType.S),
        new DynamoDBKeyAttribute(FriendlyNameAttribute, ScalarAttributeType.S),
        []);

    private readonly string _serviceId;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _ready;

    /// <summary>Creates the repository.</summary>
    /// <param name="options">The table and connection (validated).</param>
    /// <param name="serviceId">The ring's partition.</param>
    /// <param name="logger">Logs table creation.</param>
    /// <exception cref="ArgumentException"><paramref name="serviceId"/> is empty.</exception>
    public DynamoDBXmlRepository(DynamoDBKeyRingOptions options, string serviceId, ILogger<DynamoDBXmlRepository> logger)
        : base(options, logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _serviceId = serviceId;
    }

    /// <summary>Every key element stored for the service (strongly consistent, all pages).</summary>
    /// <returns>The elements, in friendly-name order.</returns>
    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Stores a new key element. Keys are written once, so a second write of the same name fails instead of replacing the key.</summary>
    /// <param name="element">The key's XML.</param>
    /// <param name="friendlyName">The key's name (for example <c>key-{id}</c>).</param>
    /// <exception cref="InvalidOperationException">A key with that name is already stored.</exception>
    public void StoreElement(XElement element, string friendlyName) => StoreElementAsync(element, friendlyName, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Disposes the DynamoDB client and the initialisation lock.</summary>
    public override void Dispose()
    {
        base.Dispose();
        _initialization.Dispose();
    }

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var items = await QueryPartitionAsync(ServiceIdAttribute, _serviceId, cancellationToken).ConfigureAwait(false);
        return [.. items.Where(i => i.ContainsKey(XmlAttribute)).Select(i => XElement.Parse(i[XmlAttribute].S))];
    }

    private async Task StoreElementAsync(XElement element, string friendlyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Client.PutItemAsync(new PutItemRequest
            {
                TableName = Options.TableName,
                Item = new()
                {
                    [ServiceIdAttribute] = DynamoDBRequests.S(_serviceId),
                    [FriendlyNameAttribute] = DynamoDBRequests.S(friendlyName),
                    [XmlAttribute] = DynamoDBRequests.S(element.ToString(SaveOptions.DisableFormatting)),
                },
                ConditionExpression = $"attribute_not_exists({ServiceIdAttribute})",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw new InvalidOperationException($"Data Protection key '{friendlyName}' is already stored for service '{_serviceId}'.", exception);
        }
    }

    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await EnsureTableAsync(Schema, cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _initialization.Release();
        }
    }
}
