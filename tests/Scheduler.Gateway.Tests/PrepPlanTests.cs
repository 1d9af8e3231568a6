namespace Scheduler.Gateway.Tests;

/// <summary><c>/v1/interview-requests/{id}/prep-plan</c>: plan, read, delete; validation, states, roles and the OpenAPI document.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PrepPlanTests(GatewayFixture gateway)
{
    private static readonly string[] Roles = ["ats", "recruiter"];

    /// <summary>A tenant with a candidate and an interviewer, and a request of <paramref name="mode"/> in the week after next, settled.</summary>
    private async Task<(HttpClient Client, string Id)> RequestAsync(string tenant, string mode, object? prep = null)
    {
        using (var admin = gateway.Admin(tenant))
        {
            await admin.PutParticipant("cand", kind: "candidate");
            await admin.PutParticipant("ivy");
        }

        var client = gateway.Client(tenant, Roles);
        var monday = Api.NextMonday(1);
        var body = prep is null
            ? Api.Request("cand", ["ivy"], monday, monday.AddDays(5), mode)
            : new
            {
                candidateId = "cand",
                stages = new[] { new { name = "interview", durationMinutes = 60, interviewerIds = new[] { "ivy" } } },
                window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
                mode,
                prep,
            };
        var id = (string)(await client.Submit(body))["id"]!;
        await client.WaitForStatus(id, mode == "autoBook" ? "booked" : "proposed");
        return (client, id);
    }

    [Fact]
    public async Task PrepPlan_BookedRequest_PostGetDelete()
    {
        var (client, id) = await RequestAsync("prep-flow", "autoBook");
        using var _ = client;
        var url = $"/v1/interview-requests/{id}/prep-plan";
        var interviewStart = DateTimeOffset.Parse((string)(await client.GetJson($"/v1/interview-requests/{id}"))["booking"]!["stages"]![0]!["start"]!);

        var posted = await client.SendJson(HttpMethod.Post, url, "{}");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var plan = await posted.Json();
        Assert.Equal(id, (string)plan["requestId"]!);
        Assert.Equal(interviewStart, DateTimeOffset.Parse((string)plan["interviewStart"]!));
        var settings = plan["settings"]!;
        Assert.Equal((40, 6, 60, 180, 12, false), ((int)settings["totalHours"]!, (int)settings["maxHoursPerDay"]!, (int)settings["minBlockMinutes"]!,
            (int)settings["maxBlockMinutes"]!, (int)settings["restHoursBeforeInterview"]!, (bool)settings["addToCalendar"]!));
        var blocks = plan["blocks"]!.AsArray().Select(b => (Start: DateTimeOffset.Parse((string)b!["start"]!), End: DateTimeOffset.Parse((string)b["end"]!))).ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b =>
        {
            Assert.InRange((b.End - b.Start).TotalMinutes, 60, 180);
            Assert.True(b.End <= interviewStart.AddHours(-12));
            Assert.InRange(b.Start.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        });
        Assert.Equal((int)blocks.Sum(b => (b.End - b.Start).TotalMinutes), (int)plan["totalMinutes"]!);
        Assert.Equal(2400, (int)plan["totalMinutes"]! + (int)plan["shortfallMinutes"]!);
        Assert.Equal((int)plan["shortfallMinutes"]! > 0, plan["reasons"]!.AsArray().Count > 0);
        Assert.Equal("none", (string)plan["delivery"]!);

        var read = await client.GetJson(url);
        Assert.Equal(plan["blocks"]!.ToJsonString(), read["blocks"]!.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url)).StatusCode);
        await Api.AssertProblem(await client.GetAsync(url), HttpStatusCode.NotFound);
        await Api.AssertProblem(await client.DeleteAsync(url), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PrepPlan_Replan_UsesTheNewSettings()
    {
        var (client, id) = await RequestAsync("prep-replan", "autoBook");
        using var _ = client;
        var url = $"/v1/interview-requests/{id}/prep-plan";
        Assert.Equal(HttpStatusCode.OK, (await client.SendJson(HttpMethod.Post, url, "{}")).StatusCode);

        var replanned = await (await client.SendJson(HttpMethod.Post, url, """{"totalHours":30,"maxHoursPerDay":2,"minBlockMinutes":60,"maxBlockMinutes":60}""")).Json();

        Assert.Equal(30, (int)replanned["settings"]!["totalHours"]!);
        Assert.Equal(1800, (int)replanned["requestedMinutes"]!);
        var blocks = replanned["blocks"]!.AsArray().Select(b => (Start: DateTimeOffset.Parse((string)b!["start"]!), End: DateTimeOffset.Parse((string)b["end"]!))).ToList();
        Assert.All(blocks, b => Assert.Equal(TimeSpan.FromMinutes(60), b.End - b.Start));
        Assert.All(blocks.GroupBy(b => b.Start.UtcDateTime.Date), day => Assert.True(day.Count() <= 2));
        Assert.Equal(replanned["blocks"]!.ToJsonString(), (await client.GetJson(url))["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task PrepPlan_OutOfRangeOrUnknownFields_400NamingTheField()
    {
        var (client, id) = await RequestAsync("prep-invalid", "propose");
        using var _ = client;
        var url = $"/v1/interview-requests/{id}/prep-plan";

        foreach (var (body, field) in new[]
        {
            ("""{"totalHours":29}""", "totalHours"),
            ("""{"totalHours":51}""", "totalHours"),
            ("""{"maxHoursPerDay":0}""", "maxHoursPerDay"),
            ("""{"maxHoursPerDay":13}""", "maxHoursPerDay"),
            ("""{"minBlockMinutes":10}""", "minBlockMinutes"),
            ("""{"maxBlockMinutes":481}""", "maxBlockMinutes"),
            ("""{"minBlockMinutes":120,"maxBlockMinutes":90}""", "maxBlockMinutes"),
            ("""{"minBlockMinutes":240,"maxHoursPerDay":3}""", "maxHoursPerDay"),
            ("""{"restHoursBeforeInterview":-1}""", "restHoursBeforeInterview"),
            ("""{"restHoursBeforeInterview":169}""", "restHoursBeforeInterview"),
            ("""{"totalHours":"40"}""", "totalHours"),
            ("""{"addToCalendar":"yes"}""", "addToCalendar"),
            ("""{"dailyCapMinutes":240}""", "dailyCapMinutes"),
        })
        {
            await Api.AssertProblem(await client.SendJson(HttpMethod.Post, url, body), HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task PrepPlan_RequestNotBooked_409_UnknownRequest_404()
    {
        var (client, id) = await RequestAsync("prep-states", "propose");
        using var _ = client;

        await Api.AssertProblem(await client.SendJson(HttpMethod.Post, $"/v1/interview-requests/{id}/prep-plan", "{}"), HttpStatusCode.Conflict);
        await Api.AssertProblem(await client.GetAsync($"/v1/interview-requests/{id}/prep-plan"), HttpStatusCode.NotFound);
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Get, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, "/v1/interview-requests/no-such-request/prep-plan");
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            await Api.AssertProblem(await client.SendAsync(request), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task PrepPlan_Roles_RecruiterPlansAndDeletes_AtsOnlyReads()
    {
        var (client, id) = await RequestAsync("prep-roles", "autoBook");
        using var _ = client;
        var url = $"/v1/interview-requests/{id}/prep-plan";
        using var ats = gateway.Client("prep-roles", "ats");
        using var recruiter = gateway.Client("prep-roles", "recruiter");
        using var anonymous = gateway.Anonymous();

        await Api.AssertProblem(await ats.SendJson(HttpMethod.Post, url, "{}"), HttpStatusCode.Forbidden);
        await Api.AssertProblem(await anonymous.SendJson(HttpMethod.Post, url, "{}"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.SendJson(HttpMethod.Post, url, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ats.GetAsync(url)).StatusCode);
        await Api.AssertProblem(await ats.DeleteAsync(url), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ats.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RequestPrep_IsPlannedOnceBooked_AndIsThePostsDefault()
    {
        var (client, id) = await RequestAsync("prep-request", "autoBook", new { totalHours = 30, maxHoursPerDay = 3 });
        using var _ = client;
        var url = $"/v1/interview-requests/{id}/prep-plan";

        var planned = await WaitForPlanAsync(client, url);
        Assert.Equal((30, 3), ((int)planned["settings"]!["totalHours"]!, (int)planned["settings"]!["maxHoursPerDay"]!));

        var replanned = await (await client.SendJson(HttpMethod.Post, url, """{"totalHours":35}""")).Json();
        Assert.Equal((35, 3), ((int)replanned["settings"]!["totalHours"]!, (int)replanned["settings"]!["maxHoursPerDay"]!));
    }

    [Fact]
    public async Task RequestPrep_OutOfRangeOrOldFieldName_400NamingTheField()
    {
        using (var admin = gateway.Admin("prep-request-invalid"))
        {
            await admin.PutParticipant("cand", kind: "candidate");
            await admin.PutParticipant("ivy");
        }

        using var client = gateway.Client("prep-request-invalid", Roles);
        var monday = Api.NextMonday(1);
        foreach (var (prep, field) in new[] { ("""{"totalHours":10}""", "prep.totalHours"), ("""{"totalHours":40,"noPrepHoursBeforeInterview":12}""", "prep.noPrepHoursBeforeInterview") })
        {
            var body = $$"""{"candidateId":"cand","stages":[{"durationMinutes":60,"interviewerIds":["ivy"]}],"window":{"start":"{{Api.Iso(monday)}}","end":"{{Api.Iso(monday.AddDays(5))}}"},"prep":{{prep}}}""";
            await Api.AssertProblem(await client.SendJson(HttpMethod.Post, "/v1/interview-requests", body), HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task OpenApi_ListsThePrepPlanRoutes()
    {
        using var client = gateway.Anonymous();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var path = document["paths"]!["/v1/interview-requests/{id}/prep-plan"]!.AsObject();
        Assert.Equal(["delete", "get", "post"], path.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("PlanPrep", (string)path["post"]!["operationId"]!);
    }

    private static async Task<JsonNode> WaitForPlanAsync(HttpClient client, string url)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Json();
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"No prep plan at {url} within 30 s: {(int)response.StatusCode}");
            await Task.Delay(50);
        }
    }
}
