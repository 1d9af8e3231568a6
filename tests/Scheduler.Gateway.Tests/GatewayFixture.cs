namespace Scheduler.Gateway.Tests;

/// <summary>One gateway (embedded silo on a temp SQLite directory) shared by the API test classes; each test uses its own tenant.</summary>
public sealed class GatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public GatewayFixture()
    {
        Factory = new GatewayFactory(_data.Path);
        Factory.CreateClient().Dispose();
    }

    public GatewayFactory Factory { get; }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient Client(string tenant, params string[] roles)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(tenant, roles));
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    public HttpClient Admin(string tenant) => Client(tenant, "admin");

    public void Dispose()
    {
        Factory.Dispose();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
