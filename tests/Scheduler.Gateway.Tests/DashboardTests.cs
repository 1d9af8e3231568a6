namespace Scheduler.Gateway.Tests;

/// <summary>The Orleans Dashboard at <c>/dashboard</c>: served to the <c>admin</c> role only, with live data from the silo.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DashboardTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/dashboard/index.html")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/GrainState")]
    public async Task Dashboard_WithoutToken_Is401(string path)
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("recruiter")]
    [InlineData("ats")]
    public async Task Dashboard_WithoutAdminRole_Is403(string role)
    {
        using var client = gateway.Client("dashboard", role);

        using var response = await client.GetAsync(new Uri("/dashboard/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ForAdmin_ServesThePageAndTheSilosCounters()
    {
        using var client = gateway.Admin("dashboard");

        using var page = await client.GetAsync(new Uri("/dashboard/index.html", UriKind.Relative));
        using var counters = await client.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(1, await ActiveSilosAsync(client));
    }

    /// <summary>
    /// The dashboard's count of active silos, polled for up to 15 s: its grains sample the cluster once a second, so the
    /// first answers after start-up count none.
    /// </summary>
    internal static async Task<int> ActiveSilosAsync(HttpClient client)
    {
        var count = 0;
        for (var attempt = 0; attempt < 60 && count == 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(250);
            }

            using var counters = await client.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));
            counters.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await counters.Content.ReadAsStringAsync());
            count = document.RootElement.GetProperty("totalActiveHostCount").GetInt32();
        }

        return count;
    }
}
