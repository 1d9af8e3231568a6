namespace Scheduler.Gateway.Tests;

/// <summary>What an administrator expects: participant and pool lists, deletes, and 405 for wrong methods.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AdministrationTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ListParticipants_SmallPages_WalksEveryIdInOrderOnce()
    {
        using var client = gateway.Admin("adm-paging");
        string[] ids = ["p05", "p01", "c02", "p03", "c01", "p04", "p02"];
        foreach (var id in ids)
        {
            await client.PutParticipant(id, kind: id.StartsWith('c') ? "candidate" : "interviewer");
        }

        var listed = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetJson($"/v1/participants?limit=3{(cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            listed.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListParticipants_KindFilter_ListsOnlyThatKindWithSummaryFields()
    {
        using var client = gateway.Admin("adm-kind");
        await client.PutParticipant("ada", "Europe/London", kind: "candidate");
        await client.PutParticipant("ivy", "Europe/Berlin");
        await client.PutParticipant("room1", kind: "room");

        var page = await client.GetJson("/v1/participants?kind=candidate");

        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("ada", (string)item["id"]!);
        Assert.Equal("Person ada", (string)item["displayName"]!);
        Assert.Equal("candidate", (string)item["kind"]!);
        Assert.Equal("Europe/London", (string)item["timeZone"]!);
        Assert.Null((string?)page["nextCursor"]);
        Assert.Equal(["ivy"], Ids(await client.GetJson("/v1/participants?kind=Interviewer")));
    }

    [Fact]
    public async Task ListParticipantsAndPools_OtherTenant_NeverListed()
    {
        using var mine = gateway.Admin("adm-tenant-a");
        using var theirs = gateway.Admin("adm-tenant-b");
        await mine.PutParticipant("ivy");
        await mine.PutAsJsonAsync("/v1/pools/mine", new { members = new[] { "ivy" } });
        await theirs.PutParticipant("zed");
        await theirs.PutAsJsonAsync("/v1/pools/theirs", new { members = new[] { "zed" } });

        Assert.Equal(["ivy"], Ids(await mine.GetJson("/v1/participants")));
        Assert.Equal(["zed"], Ids(await theirs.GetJson("/v1/participants")));
        Assert.Equal(["mine"], Ids(await mine.GetJson("/v1/pools")));
    }

    [Theory]
    [InlineData("/v1/participants?kind=robot", "kind")]
    [InlineData("/v1/participants?kind=1", "kind")]
    [InlineData("/v1/participants?limit=0", "limit")]
    [InlineData("/v1/participants?limit=501", "limit")]
    [InlineData("/v1/participants?limit=ten", "limit")]
    [InlineData("/v1/participants?cursor=%21%21", "cursor")]
    [InlineData("/v1/pools?limit=0", "limit")]
    [InlineData("/v1/pools?cursor=%2Fx", "cursor")]
    [InlineData("/v1/participants/ivy?force=maybe", "force")]
    public async Task Lists_BadParameter_Returns400NamingIt(string url, string field)
    {
        using var client = gateway.Admin("adm-bad");
        await client.PutParticipant("ivy");

        var response = url.Contains("force", StringComparison.Ordinal) ? await client.DeleteAsync(url) : await client.GetAsync(url);

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/participants/ivy")).StatusCode);
    }

    [Fact]
    public async Task ListPools_Paged_ShowsStrategyAndMemberCount()
    {
        using var client = gateway.Admin("adm-pools");
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            await client.PutParticipant(id);
        }

        await client.PutAsJsonAsync("/v1/pools/beta", new { members = new[] { "a1" }, strategy = "leastLoaded" });
        await client.PutAsJsonAsync("/v1/pools/alpha", new { members = new[] { "a1", "a2", "a3" } });

        var first = await client.GetJson("/v1/pools?limit=1");
        var second = await client.GetJson($"/v1/pools?limit=1&cursor={(string)first["nextCursor"]!}");

        var alpha = Assert.Single(first["items"]!.AsArray())!;
        Assert.Equal("alpha", (string)alpha["id"]!);
        Assert.Equal("roundRobin", (string)alpha["strategy"]!);
        Assert.Equal(3, (int)alpha["memberCount"]!);
        Assert.Equal(["beta"], Ids(second));
        Assert.Null((string?)second["nextCursor"]);
    }

    [Fact]
    public async Task DeleteParticipant_FutureBooking_Returns409ListingRequestAndChangesNothing()
    {
        using var client = gateway.Client("adm-booked", "admin", "ats", "recruiter");
        var id = await BookedAsync(client);

        var response = await client.DeleteAsync("/v1/participants/ivy");

        await Api.AssertProblem(response, HttpStatusCode.Conflict);
        Assert.Equal([id], (await response.Json())["requestIds"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/participants/ivy")).StatusCode);
        Assert.Equal("booked", (string)(await client.GetJson($"/v1/interview-requests/{id}"))["status"]!);
        Assert.Contains("ivy", Ids(await client.GetJson("/v1/participants")));
        Assert.Contains(await client.Busy("ivy", Api.NextMonday(), Api.NextMonday().AddDays(5)), b => b.Source == "booking" && b.RequestId == id);
    }

    [Fact]
    public async Task DeleteParticipant_Force_CancelsRequestNotifiesAndDeletes()
    {
        using var client = gateway.Client("adm-force", "admin", "ats", "recruiter");
        var id = await BookedAsync(client);

        var response = await client.DeleteAsync("/v1/participants/ivy?force=true");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var request = await client.GetJson($"/v1/interview-requests/{id}");
        Assert.Equal("cancelled", (string)request["status"]!);
        Assert.Equal("participant removed", (string?)request["reason"]);
        var cancelled = (await client.GetJson($"/v1/interview-requests/{id}/notifications"))["items"]!.AsArray()
            .Where(i => ((string)i!["kind"]!).Equals("cancelled", StringComparison.OrdinalIgnoreCase))
            .Select(i => (string)i!["recipientId"]!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["cand", "ivy"], cancelled);
        await Api.AssertProblem(await client.GetAsync("/v1/participants/ivy"), HttpStatusCode.NotFound);
        Assert.DoesNotContain("ivy", Ids(await client.GetJson("/v1/participants")));
        Assert.Empty(await client.Busy("cand", Api.NextMonday(), Api.NextMonday().AddDays(5)));
    }

    [Fact]
    public async Task DeleteParticipant_PoolMember_Returns409NamingPoolUntilPoolDeleted()
    {
        using var client = gateway.Admin("adm-member");
        await client.PutParticipant("ivy");
        await client.PutAsJsonAsync("/v1/pools/backend", new { members = new[] { "ivy" } });

        var refused = await client.DeleteAsync("/v1/participants/ivy");

        await Api.AssertProblem(refused, HttpStatusCode.Conflict);
        Assert.Equal(["backend"], (await refused.Json())["pools"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/pools/backend")).StatusCode);
        await Api.AssertProblem(await client.GetAsync("/v1/pools/backend"), HttpStatusCode.NotFound);
        Assert.Empty(Ids(await client.GetJson("/v1/pools")));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/participants/ivy")).StatusCode);
        Assert.Empty(Ids(await client.GetJson("/v1/participants")));
    }

    [Fact]
    public async Task DeleteParticipant_ThenPut_RecreatesIt()
    {
        using var client = gateway.Admin("adm-recreate");
        await client.PutParticipant("ivy");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/participants/ivy")).StatusCode);

        var again = await client.PutAsJsonAsync("/v1/participants/ivy", new { displayName = "Ivy", timeZone = "Etc/UTC" });

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(["ivy"], Ids(await client.GetJson("/v1/participants")));
    }

    [Theory]
    [InlineData("/v1/participants/ghost")]
    [InlineData("/v1/pools/ghost")]
    public async Task Delete_Unknown_Returns404(string url)
    {
        using var client = gateway.Admin("adm-unknown");

        await Api.AssertProblem(await client.DeleteAsync(url), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RecruiterRole_Returns403()
    {
        using var admin = gateway.Admin("adm-roles");
        using var recruiter = gateway.Client("adm-roles", "recruiter");
        await admin.PutParticipant("ivy");

        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.DeleteAsync("/v1/participants/ivy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync("/v1/participants")).StatusCode);
    }

    [Theory]
    [InlineData("PATCH", "/v1/participants/ivy")]
    [InlineData("POST", "/v1/participants/ivy")]
    [InlineData("DELETE", "/v1/participants/ivy/blocks")]
    [InlineData("POST", "/v1/pools/backend")]
    [InlineData("PATCH", "/v1/pools/backend")]
    [InlineData("DELETE", "/v1/interview-requests/abc")]
    [InlineData("PUT", "/v1/interview-requests")]
    [InlineData("GET", "/v1/interview-requests/abc/cancel")]
    public async Task WrongMethod_KnownRoute_Returns405(string method, string url)
    {
        using var client = gateway.Admin("adm-methods");

        var response = await client.SendJson(new HttpMethod(method), url, "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string[] Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => (string)i!["id"]!)];

    /// <summary>A candidate <c>cand</c> and an interviewer <c>ivy</c> booked next week; returns the request id.</summary>
    private static async Task<string> BookedAsync(HttpClient client)
    {
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), mode: "autoBook")))["id"]!;
        await client.WaitForStatus(id, "booked");
        return id;
    }
}
