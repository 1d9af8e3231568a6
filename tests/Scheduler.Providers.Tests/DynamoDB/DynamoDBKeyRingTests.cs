using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Scheduler.Providers.DynamoDB.DataProtection;

namespace Scheduler.Providers.Tests.DynamoDB;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBKeyRingTests(DynaliteFixture dynalite)
{
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";
    private readonly string _table = DynaliteFixture.NewTableName("keys");

    [Fact]
    public void StoreElement_ThenGetAllElements_ReturnsEveryKeyOfTheService()
    {
        using var repository = Repository(_serviceId);
        using var otherService = Repository($"{_serviceId}-other");

        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        otherService.StoreElement(new XElement("key", new XAttribute("id", "3")), "key-3");

        Assert.Equal(["1", "2"], repository.GetAllElements().Select(e => e.Attribute("id")!.Value));
    }

    [Fact]
    public void StoreElement_SameNameTwice_FailsAndKeepsTheFirstKey()
    {
        using var repository = Repository(_serviceId);
        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");

        Assert.Throws<InvalidOperationException>(() => repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-1"));

        Assert.Equal("1", Assert.Single(repository.GetAllElements()).Attribute("id")!.Value);
    }

    [Fact]
    public void PersistKeysToDynamoDB_TwoHostsWithTheirOwnKeyDirectories_ReadWhatTheOtherProtected()
    {
        using var siloKeys = new Support.TempDatabase();
        using var gatewayKeys = new Support.TempDatabase();
        using var silo = Host(siloKeys.Directory);
        using var gateway = Host(gatewayKeys.Directory);

        var secret = silo.GetRequiredService<IDataProtectionProvider>().CreateProtector("calendar-credentials").Protect("refresh-token-1");
        var state = gateway.GetRequiredService<IDataProtectionProvider>().CreateProtector("oauth-state").Protect("state-1");

        Assert.Equal("refresh-token-1", gateway.GetRequiredService<IDataProtectionProvider>().CreateProtector("calendar-credentials").Unprotect(secret));
        Assert.Equal("state-1", silo.GetRequiredService<IDataProtectionProvider>().CreateProtector("oauth-state").Unprotect(state));
        Assert.False(Directory.Exists(siloKeys.Directory) && Directory.EnumerateFiles(siloKeys.Directory).Any());
        using var repository = Repository(_serviceId);
        Assert.StartsWith("<key ", Assert.Single(repository.GetAllElements()).ToString(), StringComparison.Ordinal);
    }

    private DynamoDBXmlRepository Repository(string serviceId) =>
        new(new DynamoDBKeyRingOptions { TableName = _table }.Connect(dynalite), serviceId, NullLogger<DynamoDBXmlRepository>.Instance);

    private ServiceProvider Host(string keysDirectory)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection()
            .SetApplicationName("Scheduler")
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory))
            .PersistKeysToDynamoDB(o =>
            {
                o.Connect(dynalite);
                o.TableName = _table;
                o.ServiceId = _serviceId;
            });
        return services.BuildServiceProvider();
    }
}
