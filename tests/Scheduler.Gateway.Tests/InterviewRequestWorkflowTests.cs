namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class InterviewRequestWorkflowTests(GatewayFixture gateway)
{
    private static readonly string[] Roles = ["ats", "recruiter"];

    private async Task<HttpClient> Tenant(string tenant, params string[] interviewers)
    {
        using var admin = gateway.Admin(tenant);
        await admin.PutParticipant("cand", "Europe/London", "08:00", "18:00", kind: "candidate");
        foreach (var id in interviewers)
        {
            await admin.PutParticipant(id);
        }

        return gateway.Client(tenant, Roles);
    }

    [Fact]
    public async Task Propose_SelectionOfProposal_IsBooked()
    {
        using var client = await Tenant("wf-propose", "ivy");
        var monday = Api.NextMonday();

        var posted = await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5)));
        var id = (string)posted["id"]!;
        var proposed = await client.WaitForStatus(id, "proposed");
        var proposal = proposed["proposals"]![0]!;

        var selected = await client.PostJson($"/v1/interview-requests/{id}/selection", new { proposalId = (string)proposal["id"]! });
        Assert.Equal(HttpStatusCode.Accepted, selected.StatusCode);
        var booked = await client.WaitForStatus(id, "booked");

        var stage = booked["booking"]!["stages"]![0]!;
        Assert.Equal((string)proposal["stages"]![0]!["start"]!, (string)stage["start"]!);
        Assert.EndsWith("Z", (string)stage["start"]!);
        var busy = await client.Busy("ivy", monday, monday.AddDays(7));
        Assert.Contains(busy, b => b.Source == "booking" && b.RequestId == id);
    }

    [Fact]
    public async Task AutoBook_Request_IsBookedWithoutSelection()
    {
        using var client = await Tenant("wf-auto", "ivy", "ian");
        var monday = Api.NextMonday();

        var posted = await client.Submit(Api.Request("cand", ["ivy", "ian"], monday, monday.AddDays(5), mode: "autoBook"));
        var booked = await client.WaitForStatus((string)posted["id"]!, "booked");

        var stage = booked["booking"]!["stages"]![0]!;
        Assert.Equal(["ian", "ivy"], stage["interviewerIds"]!.AsArray().Select(x => (string)x!).Order());
        Assert.Equal(TimeSpan.FromMinutes(60), DateTimeOffset.Parse((string)stage["end"]!) - DateTimeOffset.Parse((string)stage["start"]!));
    }

    [Fact]
    public async Task Cancel_BookedRequest_ReleasesBookings()
    {
        using var client = await Tenant("wf-cancel", "ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), mode: "autoBook")))["id"]!;
        await client.WaitForStatus(id, "booked");
        Assert.Contains(await client.Busy("ivy", monday, monday.AddDays(7)), b => b.RequestId == id);

        var cancelled = await client.PostJson($"/v1/interview-requests/{id}/cancel", new { reason = "Candidate withdrew" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (string)(await cancelled.Json())["status"]!);
        await WaitUntil(async () => !(await client.Busy("ivy", monday, monday.AddDays(7))).Any(b => b.RequestId == id));
        Assert.DoesNotContain(await client.Busy("cand", monday, monday.AddDays(7)), b => b.RequestId == id);
    }

    [Fact]
    public async Task Reschedule_BookedRequestIntoNewWindow_MovesBookings()
    {
        using var client = await Tenant("wf-reschedule", "ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(1), mode: "autoBook")))["id"]!;
        await client.WaitForStatus(id, "booked");
        var nextWeek = monday.AddDays(7);

        var rescheduled = await client.PostJson($"/v1/interview-requests/{id}/reschedule", new { window = new { start = Api.Iso(nextWeek), end = Api.Iso(nextWeek.AddDays(1)) } });

        Assert.Equal(HttpStatusCode.Accepted, rescheduled.StatusCode);
        var booked = await client.WaitForRequest(id, v => (string?)v["status"] == "booked" && DateTimeOffset.Parse((string)v["booking"]!["stages"]![0]!["start"]!) >= nextWeek);
        await WaitUntil(async () => !(await client.Busy("ivy", monday, monday.AddDays(1))).Any(b => b.RequestId == id));
        var moved = await client.Busy("ivy", nextWeek, nextWeek.AddDays(1));
        var booking = Assert.Single(moved, b => b.RequestId == id && b.Source == "booking");
        Assert.Equal(DateTimeOffset.Parse((string)booked["booking"]!["stages"]![0]!["start"]!), booking.Start);
    }

    [Fact]
    public async Task Post_SameExternalIdTwice_ReturnsSameRequestOnce()
    {
        using var client = await Tenant("wf-external", "ivy");
        var monday = Api.NextMonday();
        var body = Api.Request("cand", ["ivy"], monday, monday.AddDays(5), externalId: "ats-42");

        var first = await client.Submit(body);
        var second = await client.Submit(body);

        Assert.Equal((string)first["id"]!, (string)second["id"]!);
        await WaitUntil(async () => (await client.GetJson("/v1/interview-requests?candidateId=cand"))["items"]!.AsArray().Count > 0);
        var list = await client.GetJson("/v1/interview-requests?candidateId=cand");
        var item = Assert.Single(list["items"]!.AsArray());
        Assert.Equal((string)first["id"]!, (string)item!["id"]!);
        Assert.Equal("ats-42", (string)item["externalId"]!);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_ReturnsSameRequest()
    {
        using var client = await Tenant("wf-idem", "ivy");
        var monday = Api.NextMonday();

        async Task<string> PostWithKey()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interview-requests") { Content = JsonContent.Create(Api.Request("cand", ["ivy"], monday, monday.AddDays(5))) };
            request.Headers.Add("Idempotency-Key", "retry-7");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal($"/v1/interview-requests/{(string)(await response.Json())["id"]!}", response.Headers.Location?.OriginalString);
            return (string)(await response.Json())["id"]!;
        }

        Assert.Equal(await PostWithKey(), await PostWithKey());
    }

    [Fact]
    public async Task Get_WithCurrentETag_Returns304AndNewETagAfterChange()
    {
        using var client = await Tenant("wf-etag", "ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5))))["id"]!;
        await client.WaitForStatus(id, "proposed");
        var first = await client.GetAsync($"/v1/interview-requests/{id}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/v1/interview-requests/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        await client.PostJson($"/v1/interview-requests/{id}/cancel", new { reason = "test" });
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, $"/v1/interview-requests/{id}");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Get_OtherTenantsRequestAndParticipant_Returns404()
    {
        using var client = await Tenant("wf-owner", "ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5))))["id"]!;
        using var other = gateway.Client("wf-intruder", "admin");

        await Api.AssertProblem(await other.GetAsync($"/v1/interview-requests/{id}"), HttpStatusCode.NotFound);
        await Api.AssertProblem(await other.GetAsync("/v1/participants/ivy"), HttpStatusCode.NotFound);
        await Api.AssertProblem(await other.PostJson($"/v1/interview-requests/{id}/cancel", new { reason = "x" }), HttpStatusCode.NotFound);
        Assert.NotEqual("cancelled", (string)(await client.GetJson($"/v1/interview-requests/{id}"))["status"]!);
    }

    [Fact]
    public async Task Selection_UnknownProposal_Returns400AndStaysProposed()
    {
        using var client = await Tenant("wf-badselect", "ivy");
        var monday = Api.NextMonday();
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5))))["id"]!;
        await client.WaitForStatus(id, "proposed");

        await Api.AssertProblem(await client.PostJson($"/v1/interview-requests/{id}/selection", new { proposalId = "p999" }), HttpStatusCode.BadRequest, "proposalId");

        Assert.Equal("proposed", (string)(await client.GetJson($"/v1/interview-requests/{id}"))["status"]!);
    }

    [Fact]
    public async Task List_FilterByStatusAndCursor_PagesThroughRequests()
    {
        using var client = await Tenant("wf-list", "ivy");
        var monday = Api.NextMonday();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5))))["id"]!);
        }

        foreach (var id in ids)
        {
            await client.WaitForStatus(id, "proposed");
        }

        await WaitUntil(async () => (await client.GetJson("/v1/interview-requests?status=proposed"))["items"]!.AsArray().Count == 3);
        var first = await client.GetJson("/v1/interview-requests?status=proposed&limit=2");
        Assert.Equal(2, first["items"]!.AsArray().Count);
        var cursor = (string)first["nextCursor"]!;
        var second = await client.GetJson($"/v1/interview-requests?status=proposed&limit=2&cursor={Uri.EscapeDataString(cursor)}");
        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(x => (string)x!["id"]!).ToList();
        Assert.Equal(ids, seen);
        Assert.Empty((await client.GetJson("/v1/interview-requests?status=booked"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Batch_MixedItems_AcceptsValidOnesInOrder()
    {
        using var client = await Tenant("wf-batch", "ivy");
        var monday = Api.NextMonday();
        var body = new JsonObject
        {
            ["requests"] = new JsonArray(
                JsonSerializerNode(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), externalId: "b-0")),
                JsonSerializerNode(Api.Request("cand", ["nobody"], monday, monday.AddDays(5))),
                new JsonObject { ["candidateId"] = "cand", ["stages"] = "not a list" },
                JsonSerializerNode(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), externalId: "b-0"))),
        };

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Json())["items"]!.AsArray();
        Assert.Equal([0, 1, 2, 3], items.Select(i => (int)i!["index"]!));
        Assert.NotNull(items[0]!["id"]);
        Assert.Equal("pending", (string)items[0]!["status"]!);
        Assert.True(items[1]!["error"]!["errors"]!.AsObject().ContainsKey("stages[0].interviewerIds[0]"));
        Assert.True(items[2]!["error"]!["errors"]!.AsObject().ContainsKey("stages"));
        Assert.True(items[3]!["error"]!["errors"]!.AsObject().ContainsKey("externalId"), "an external id repeated in one batch names one request: the repeat is rejected");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/interview-requests/{(string)items[0]!["id"]!}")).StatusCode);
    }

    private static JsonNode JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;

    private static async Task WaitUntil(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow().UtcDateTime < deadline, $"Condition not met within {seconds} s.");
            await Task.Delay(50);
        }
    }
}
