using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// The ASP.NET Core Data Protection key ring in DynamoDB, so every silo and gateway of a service
/// shares one ring: credentials a silo encrypted are readable by the silo that owns the account
/// next, and OAuth state one gateway issued is accepted by another. Keys are items of the
/// grain-state table under partition <c>{serviceId}/data-protection/keys</c>, one item per key
/// (<c>sk</c> = the key's friendly name, <c>xml</c> = its XML element). The key XML is stored as
/// Data Protection hands it over (unencrypted unless an XML encryptor is configured); DynamoDB
/// encrypts tables at rest, and only the service's task roles may read the table.
/// </summary>
/// <remarks>Data Protection calls these methods synchronously and caches the ring (about 24 h, refreshed earlier when a key is near expiry), so the blocking calls are rare.</remarks>
public sealed class DynamoDbXmlRepository : IXmlRepository
{
    private const string XmlAttribute = "xml";
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly string _partition;

    /// <summary>Creates the repository.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The grain-state table (key schema <c>pk</c>, <c>sk</c>).</param>
    /// <param name="serviceId">The service id whose silos and gateways share the ring.</param>
    /// <exception cref="ArgumentException">An empty table name or service id.</exception>
    public DynamoDbXmlRepository(IAmazonDynamoDB client, string tableName, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _client = client;
        _tableName = tableName;
        _partition = $"{serviceId}/data-protection/keys";
    }

    /// <summary>Every key element stored for the service (strongly consistent read, all pages).</summary>
    /// <returns>The elements, in key-name order.</returns>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = _client.QueryAsync(new QueryRequest
            {
                TableName = _tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = _partition } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }).GetAwaiter().GetResult();
            elements.AddRange(page.Items.Where(i => i.ContainsKey(XmlAttribute)).Select(i => XElement.Parse(i[XmlAttribute].S)));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return elements;
    }

    /// <summary>Stores a new key element. A key is written once (its friendly name is unique), so a repeated write of the same name fails rather than replacing the key.</summary>
    /// <param name="element">The key's XML.</param>
    /// <param name="friendlyName">The key's name (for example <c>key-{id}</c>).</param>
    /// <exception cref="InvalidOperationException">A key with that name is already stored.</exception>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        try
        {
            _client.PutItemAsync(new PutItemRequest
            {
                TableName = _tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = _partition },
                    ["sk"] = new() { S = friendlyName },
                    [XmlAttribute] = new() { S = element.ToString(SaveOptions.DisableFormatting) },
                },
                ConditionExpression = "attribute_not_exists(pk)",
            }).GetAwaiter().GetResult();
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw new InvalidOperationException($"Data Protection key '{friendlyName}' is already stored.", exception);
        }
    }
}
