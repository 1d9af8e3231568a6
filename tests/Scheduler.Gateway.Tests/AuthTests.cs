using Scheduler.Gateway.Auth;

namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("GET", "/v1/participants/x")]
    [InlineData("PUT", "/v1/participants/x")]
    [InlineData("GET", "/v1/interview-requests")]
    [InlineData("POST", "/v1/interview-requests")]
    [InlineData("POST", "/v1/interview-requests/batch")]
    [InlineData("PUT", "/v1/pools/p")]
    public async Task V1Route_WithoutToken_Returns401ProblemDetails(string method, string url)
    {
        using var client = gateway.Anonymous();

        var response = await client.SendJson(new HttpMethod(method), url, "{}");

        await Api.AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("signed with another key")]
    [InlineData("expired")]
    [InlineData("for another audience")]
    public async Task Token_NotValidHere_Returns401(string flaw)
    {
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", flaw switch
        {
            "signed with another key" => Tokens.Mint("auth-t", ["admin"], key: "another-key-that-is-long-enough-0123456789"),
            "expired" => Tokens.Mint("auth-t", ["admin"], expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10)),
            _ => Tokens.Mint("auth-t", ["admin"], audience: "someone-else"),
        });

        await Api.AssertProblem(await client.GetAsync("/v1/participants/x"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AtsRole_WritingParticipant_Returns403AndStoresNothing()
    {
        using var ats = gateway.Client("auth-roles", "ats");
        using var admin = gateway.Admin("auth-roles");

        var response = await ats.PutAsJsonAsyncRaw("/v1/participants/p1", """{"displayName":"P","timeZone":"Etc/UTC"}""");

        await Api.AssertProblem(response, HttpStatusCode.Forbidden);
        await Api.AssertProblem(await admin.GetAsync("/v1/participants/p1"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RecruiterRole_PostingRequest_Returns403()
    {
        using var recruiter = gateway.Client("auth-roles", "recruiter");

        await Api.AssertProblem(await recruiter.SendJson(HttpMethod.Post, "/v1/interview-requests", "{}"), HttpStatusCode.Forbidden);
        await Api.AssertProblem(await recruiter.SendJson(HttpMethod.Put, "/v1/pools/p", "{}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AtsRole_CancellingRequest_Returns403()
    {
        using var ats = gateway.Client("auth-roles", "ats");

        await Api.AssertProblem(await ats.SendJson(HttpMethod.Post, "/v1/interview-requests/abc/cancel", "{}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_WithoutTenant_Returns403()
    {
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Mint(null, ["admin"]));

        await Api.AssertProblem(await client.GetAsync("/v1/participants/x"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_WithTenantArray_Returns403AndActsAsNoTenant()
    {
        using var admin = gateway.Admin("auth-first");
        await admin.PutParticipant("only-first");
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Mint(new[] { "auth-first", "auth-second" }, ["admin"]));

        await Api.AssertProblem(await client.GetAsync("/v1/participants/only-first"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_WithSpaceSeparatedScope_GrantsRoles()
    {
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Mint("auth-scope", [], scope: "openid admin"));

        await client.PutParticipant("scoped");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/participants/scoped")).StatusCode);
    }

    [Fact]
    public async Task TokenCommand_WithConfiguredKey_PrintsTokenTheGatewayAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = TokenCommand.Run(["--tenant", "auth-cmd", "--roles", "admin", $"--Auth:SigningKey={GatewayFactory.SigningKey}"], output, error);

        Assert.Equal(0, exit);
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        await client.PutParticipant("from-command");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/participants/from-command")).StatusCode);
    }

    [Fact]
    public void TokenCommand_WithoutTenant_PrintsUsageAndFails()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, TokenCommand.Run(["--roles", "admin"], output, error));
        Assert.Contains("usage", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void SigningKeys_ProductionWithoutKey_RefusesToStart()
    {
        var environment = new TestEnvironment("Production");

        var failure = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(new AuthOptions(), environment));

        Assert.Contains("Auth:SigningKey", failure.Message);
        Assert.Equal(SigningKeys.DevelopmentKey, SigningKeys.Resolve(new AuthOptions(), new TestEnvironment("Development")));
        Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(new AuthOptions { SigningKey = "short" }, new TestEnvironment("Development")));
    }

    private sealed class TestEnvironment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Scheduler.Gateway";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
