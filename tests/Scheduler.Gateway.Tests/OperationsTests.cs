namespace Scheduler.Gateway.Tests;

public sealed class OperationsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Health_LiveAndReady_Return200WhenSiloIsActive()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EmbeddedDefault_CreatesSqliteDatabaseInDataDirectory()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        await client.GetAsync("/health/ready");

        Assert.True(File.Exists(Path.Combine(_data.Path, "scheduler.db")));
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAsJson()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task SwaggerUi_IsServedAtDocs()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownRoute_ReturnsProblemDetails()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GrainState_SurvivesGatewayRestart()
    {
        await using (var first = new GatewayFactory(_data.Path))
        {
            first.CreateClient().Dispose(); // start the host
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("acme/n-1").Write("survives restarts");
        }

        await using var second = new GatewayFactory(_data.Path);
        second.CreateClient().Dispose();
        var text = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("acme/n-1").Read();

        Assert.Equal("survives restarts", text);
    }
}
