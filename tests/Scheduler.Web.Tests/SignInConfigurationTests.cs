using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scheduler.Web.Tests;

public sealed class SignInConfigurationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Production_WithoutDemo_HasNoLocalSignIn()
    {
        await using var gateway = new WebGateway(_data.Path, new Dictionary<string, string?> { ["Scheduler:Demo"] = "false" }, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/local")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/sign-in")).StatusCode);
        var board = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.StartsWith("/account/sign-in", board.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The API keeps its bearer challenge: no redirect to a sign-in page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/interview-requests")).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_WithoutClientId_StopsStartup_NamingTheKey()
    {
        await using var gateway = new WebGateway(_data.Path, new Dictionary<string, string?> { ["Web:OpenIdConnect:Authority"] = "https://id.example.com/" }, "Production");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Web:OpenIdConnect:ClientId", error.ToString(), StringComparison.Ordinal);
    }
}
