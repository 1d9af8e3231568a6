namespace Scheduler.Gateway.Tests;

public sealed class DemoAndDevelopmentTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>A client of the demo tenant with the roles <c>ats</c> and <c>recruiter</c>.</summary>
    private static HttpClient DemoClient(GatewayFactory gateway)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("demo", ["ats", "recruiter"]));
        return client;
    }

    [Fact]
    public async Task DemoFlag_LoadsDemoTenant_RequestGetsProposals()
    {
        await using var gateway = new GatewayFactory(_data.Path, new Dictionary<string, string?> { ["Scheduler:Demo"] = "true" });
        using var client = DemoClient(gateway);
        var monday = Api.NextMonday();

        var posted = await client.Submit(new
        {
            candidateId = "ada",
            stages = new object[]
            {
                new { name = "technical", durationMinutes = 60, pools = new[] { new { poolId = "backend", count = 1 } } },
                new { name = "hiring-manager", durationMinutes = 45, interviewerIds = new[] { "maya" } },
            },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
        });
        var proposed = await client.WaitForStatus((string)posted["id"]!, "proposed");

        Assert.NotEmpty(proposed["proposals"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/pools/backend")).StatusCode);
    }

    [Fact]
    public async Task DemoFlag_WithoutSmtpServer_PrepPlanEmailedAsIcsIntoTheMailDirectory()
    {
        await using var gateway = new GatewayFactory(_data.Path, new Dictionary<string, string?> { ["Scheduler:Demo"] = "true" });
        using var client = DemoClient(gateway);
        var monday = Api.NextMonday();
        var posted = await client.Submit(new
        {
            candidateId = "ada",
            mode = "autoBook",
            stages = new object[] { new { name = "culture", durationMinutes = 45, interviewerIds = new[] { "jonas" } } },
            window = new { start = Api.Iso(monday.AddDays(7)), end = Api.Iso(monday.AddDays(12)) },
        });
        var id = (string)posted["id"]!;
        await client.WaitForStatus(id, "booked");

        using var planned = await client.PostJson($"/v1/interview-requests/{id}/prep-plan", new { addToCalendar = true });

        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal("email", (string?)(await planned.Json())["delivery"]);
        var mail = Path.Combine(_data.Path, "mail");
        await TestSiloHost.WaitUntilAsync(() => Directory.Exists(mail) && Directory.GetFiles(mail, "*.eml").Any(f => File.ReadAllText(f).Contains("method=PUBLISH", StringComparison.Ordinal)), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task DevToken_InDevelopment_MintsWorkingToken()
    {
        await using var gateway = new GatewayFactory(_data.Path, environment: "Development");
        using var client = gateway.CreateClient();

        var minted = await client.PostJson("/dev/token", new { tenant = "dev", roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await minted.Json())["token"]!);
        await client.PutParticipant("someone");
        await Api.AssertProblem(await client.PostJson("/dev/token", new { tenant = "a/b" }), HttpStatusCode.BadRequest, "tenant");
    }

    [Fact]
    public async Task DevToken_OutsideDevelopment_IsNotMapped()
    {
        await using var gateway = new GatewayFactory(_data.Path);
        using var client = gateway.CreateClient();

        await Api.AssertProblem(await client.PostJson("/dev/token", new { tenant = "dev" }), HttpStatusCode.NotFound);
    }
}
