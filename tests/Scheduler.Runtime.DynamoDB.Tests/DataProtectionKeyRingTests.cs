using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>With <c>Cluster:Provider=DynamoDB</c> every silo and gateway shares one Data Protection key ring in DynamoDB.</summary>
public sealed class DataProtectionKeyRingTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task SiloAndClient_WithTheirOwnKeyDirectories_ReadWhatTheOtherProtected()
    {
        using var siloKeys = new TempDirectory();
        using var clientKeys = new TempDirectory();
        await using var silo = Build(siloKeys.Path, client: false);
        await using var client = Build(clientKeys.Path, client: true);

        var secret = silo.GetRequiredService<IDataProtectionProvider>().CreateProtector("calendar-credentials").Protect("refresh-token-1");
        var state = client.GetRequiredService<IDataProtectionProvider>().CreateProtector("oauth-state").Protect("state-1");

        Assert.Equal("refresh-token-1", client.GetRequiredService<IDataProtectionProvider>().CreateProtector("calendar-credentials").Unprotect(secret));
        Assert.Equal("state-1", silo.GetRequiredService<IDataProtectionProvider>().CreateProtector("oauth-state").Unprotect(state));
        var keys = await dynalite.Client.QueryAsync(new QueryRequest
        {
            TableName = DynaliteFixture.GrainStateTable,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = $"{_serviceId}/data-protection/keys" } },
        });
        var key = Assert.Single(keys.Items);
        Assert.StartsWith("<key ", key["xml"].S, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(siloKeys.Path));
        Assert.Empty(Directory.GetFiles(clientKeys.Path));
    }

    [Fact]
    public void StoreElement_SameNameTwice_FailsInsteadOfReplacingTheKey()
    {
        var repository = new DynamoDbXmlRepository(dynalite.Client, DynaliteFixture.GrainStateTable, _serviceId);
        repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "1")), "key-1");

        Assert.Throws<InvalidOperationException>(() => repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "2")), "key-1"));
        Assert.Equal("1", Assert.Single(repository.GetAllElements()).Attribute("id")!.Value);
    }

    private ServiceProvider Build(string keysDirectory, bool client)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Provider"] = "DynamoDB",
            ["Cluster:ServiceId"] = _serviceId,
            ["Cluster:DynamoDB:ServiceUrl"] = dynalite.ServiceUrl,
            ["Cluster:DynamoDB:TablePrefix"] = "test-",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        if (client)
        {
            services.AddClusterClient(configuration, Path.Combine(keysDirectory, "unused.db"), "test-client", _ => { });
        }
        else
        {
            services.AddClusterSilo(configuration, Path.Combine(keysDirectory, "unused.db"), "test-silo", _ => { });
        }

        // What the calendar accounts register in every host: a key ring on the local disk, which the cluster replaces.
        services.AddDataProtection().SetApplicationName("Scheduler").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        return services.BuildServiceProvider();
    }
}
