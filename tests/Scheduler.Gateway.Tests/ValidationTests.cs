namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ValidationTests(GatewayFixture gateway)
{
    private const string Tenant = "validation";

    public static TheoryData<string, string> BadRequests()
    {
        var start = Api.Iso(Api.NextMonday());
        var end = Api.Iso(Api.NextMonday().AddDays(5));
        string Body(string candidate = "\"cand\"", string stages = "[{\"durationMinutes\":60,\"interviewerIds\":[\"ivy\"]}]", string? window = null, string extra = "") =>
            $$"""{"externalId":"bad","candidateId":{{candidate}},"stages":{{stages}},"window":{{window ?? $$"""{"start":"{{start}}","end":"{{end}}"}"""}}{{extra}}}""";
        return new TheoryData<string, string>
        {
            { Body(candidate: "\"ghost\""), "candidateId" },
            { Body(stages: "[{\"durationMinutes\":60,\"interviewerIds\":[\"ghost\"]}]"), "stages[0].interviewerIds[0]" },
            { Body(stages: "[{\"durationMinutes\":60,\"pools\":[{\"poolId\":\"ghost\",\"count\":1}]}]"), "stages[0].pools[0].poolId" },
            { Body(window: $$"""{"start":"{{end}}","end":"{{start}}"}"""), "window.end" },
            { Body(window: $$"""{"start":"{{start}}","end":"{{start}}"}"""), "window.end" },
            { Body(window: $$"""{"start":"{{start}}","end":"{{Api.Iso(Api.NextMonday().AddDays(91))}}"}"""), "window.end" },
            { Body(stages: "[{\"durationMinutes\":0,\"interviewerIds\":[\"ivy\"]}]"), "stages[0].durationMinutes" },
            { Body(stages: "[{\"durationMinutes\":-30,\"interviewerIds\":[\"ivy\"]}]"), "stages[0].durationMinutes" },
            { Body(stages: "[{\"durationMinutes\":481,\"interviewerIds\":[\"ivy\"]}]"), "stages[0].durationMinutes" },
            { Body(stages: "[]"), "stages" },
            { Body(stages: "[{\"durationMinutes\":\"sixty\",\"interviewerIds\":[\"ivy\"]}]"), "stages[0].durationMinutes" },
            { Body(stages: "[{\"durationMinutes\":\"60\",\"interviewerIds\":[\"ivy\"]}]"), "stages[0].durationMinutes" },
            { Body(stages: "[{\"durationMinutes\":60,\"interviewerIds\":[\"other-cand\"]}]"), "stages[0].interviewerIds[0]" },
            { Body(stages: "[{\"durationMinutes\":60,\"pools\":[{\"poolId\":\"solo\",\"count\":2}]}]"), "stages[0].pools[0].count" },
            { Body(stages: "[{\"durationMinutes\":60}]"), "stages[0].interviewerIds" },
            { Body(window: """{"start":12,"end":"2030-01-01T00:00:00Z"}"""), "window.start" },
            { Body(window: """{"start":"2030-01-01T10:00:00","end":"2030-01-02T00:00:00Z"}"""), "window.start" },
            { Body(window: "null"), "window" },
            { Body(window: """{"start":"0001-01-01T00:00:00+14:00","end":"2030-01-02T00:00:00Z"}"""), "window.start" },
            { Body(window: """{"start":"9999-12-25T00:00:00Z","end":"9999-12-31T23:59:59-14:00"}"""), "window.start" },
            { Body(extra: ",\"candidatePreferences\":{\"preferredTimes\":[{\"days\":[\"Mon\"],\"start\":\"1\u0667:00\",\"end\":\"18:00\"}]}"), "candidatePreferences.preferredTimes[0].start" },
            { Body(extra: ",\"mode\":\"sometimes\""), "mode" },
            { Body(extra: ",\"slotGranularityMinutes\":7"), "slotGranularityMinutes" },
            { Body(candidate: "42"), "candidateId" },
            { Body(extra: ",\"notify\":{\"recruiterEmail\":\"not an address\"}"), "notify.recruiterEmail" },
            { Body(extra: ",\"notify\":{\"recruiterSlackChannel\":\"#hiring team\"}"), "notify.recruiterSlackChannel" },
            { "[1,2,3]", "body" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task PostRequest_BadInput_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.SendJson(HttpMethod.Post, "/v1/interview-requests", body), HttpStatusCode.BadRequest, field);

        Assert.Empty((await client.GetJson("/v1/interview-requests"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"candidateId\":")]
    [InlineData("{\"candidateId\":\"cand\",,}")]
    [InlineData("")]
    public async Task PostRequest_MalformedJson_Returns400ProblemDetails(string body)
    {
        using var client = await Seeded();

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests", body);

        await Api.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty((await response.Json())["errors"]!.AsObject());
        Assert.Empty((await client.GetJson("/v1/interview-requests"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"displayName":"P","timeZone":"Mars/Olympus_Mons"}""", "timeZone")]
    [InlineData("""{"displayName":"P"}""", "timeZone")]
    [InlineData("""{"timeZone":"Etc/UTC"}""", "displayName")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","workingHours":[{"days":["Mon"],"start":"25:00","end":"17:00"}]}""", "workingHours[0].start")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","workingHours":[{"days":["Funday"],"start":"09:00","end":"17:00"}]}""", "workingHours[0].days[0]")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","workingHours":[{"days":["Mon"],"start":"0\uff19:00","end":"17:00"}]}""", "workingHours[0].start")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","kind":"robot"}""", "kind")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","bufferBeforeMinutes":-5}""", "bufferBeforeMinutes")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","bufferAfterMinutes":"ten"}""", "bufferAfterMinutes")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","dateOverrides":[{"date":"2030-02-30","hours":[]}]}""", "dateOverrides[0].date")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"ics","url":"not a url"}]}""", "calendars[0].url")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"fax"}]}""", "calendars[0].provider")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","dateOverrides":[{"date":"2030-02-03","hours":[]},{"date":"2030-02-03","hours":[]}]}""", "dateOverrides[1].date")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","workingHours":[{"days":["Mon","Mon"],"start":"09:00","end":"17:00"}]}""", "workingHours[0].days[1]")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","slackUserId":"<@U1>"}""", "slackUserId")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"ics","url":"http://169.254.169.254/latest/meta-data/"}]}""", "calendars[0].url")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"caldav","url":"http://127.0.0.1:5232/ivy/"}]}""", "calendars[0].url")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"ics","url":"http://localhost/feed.ics"}]}""", "calendars[0].url")]
    [InlineData("""{"displayName":"P","timeZone":"Etc/UTC","calendars":[{"provider":"ics","url":"http://[::ffff:10.0.0.1]/feed.ics"}]}""", "calendars[0].url")]
    public async Task PutParticipant_BadInput_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        using var client = gateway.Admin(Tenant);

        await Api.AssertProblem(await client.SendJson(HttpMethod.Put, "/v1/participants/rejected", body), HttpStatusCode.BadRequest, field);

        await Api.AssertProblem(await client.GetAsync("/v1/participants/rejected"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutParticipant_MoreWeeklyRulesThanTheLimit_Returns400AndStoresNothing()
    {
        using var client = gateway.Admin(Tenant);
        var rule = """{"days":["Mon"],"start":"09:00","end":"10:00"}""";
        var body = $$"""{"displayName":"P","timeZone":"Etc/UTC","workingHours":[{{string.Join(",", Enumerable.Repeat(rule, 51))}}]}""";

        await Api.AssertProblem(await client.SendJson(HttpMethod.Put, "/v1/participants/rejected", body), HttpStatusCode.BadRequest, "workingHours");

        await Api.AssertProblem(await client.GetAsync("/v1/participants/rejected"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetParticipant_HugeUnknownId_ErrorQuotesAShortPrefixOnly()
    {
        using var client = await Seeded();
        var id = new string('a', 100_000);

        var response = await client.GetAsync($"/v1/participants/{id}");

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"status {(int)response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 1_000, $"the error is {text.Length} characters long");
    }

    [Fact]
    public async Task PostRequest_LongUnknownIds_ErrorsQuoteFortyCharactersAtMost()
    {
        using var client = await Seeded();
        string Id(char c) => new(c, 120);
        var body = $$$"""{"candidateId":"{{{Id('x')}}}","stages":[{"durationMinutes":60,"interviewerIds":["{{{Id('y')}}}"],"pools":[{"poolId":"{{{Id('z')}}}"}]}],"window":{"start":"{{{Api.Iso(Api.NextMonday())}}}","end":"{{{Api.Iso(Api.NextMonday().AddDays(5))}}}"}}""";

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests", body);

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "stages[0].pools[0].poolId");
        var text = await response.Content.ReadAsStringAsync();
        Assert.All("xyz", c => Assert.DoesNotContain(new string(c, 41), text, StringComparison.Ordinal));
        Assert.Contains(new string('x', 40) + "…", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRequest_UnknownCharset_Returns415AndStoresNothing()
    {
        using var client = await Seeded();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interview-requests") { Content = new StringContent("{}") };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");

        await Api.AssertProblem(await client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);

        Assert.Empty((await client.GetJson("/v1/interview-requests"))["items"]!.AsArray());
    }

    [Fact]
    public async Task PostBatch_SameExternalIdTwice_SecondItemRejected()
    {
        using var client = await Seeded();
        var monday = Api.NextMonday();
        var item = System.Text.Json.JsonSerializer.Serialize(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), externalId: "twice"));

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", "{\"requests\":[" + item + "," + item + "]}");

        var result = await response.Json();
        Assert.Equal(1, result["accepted"]!.GetValue<int>());
        Assert.Equal(1, result["rejected"]!.GetValue<int>());
        Assert.NotNull(result["items"]![1]!["error"]!["errors"]!["externalId"]);

        // The request list is written behind the answer; wait until it shows the accepted item.
        System.Text.Json.Nodes.JsonArray listed = [];
        await TestSiloHost.WaitUntilAsync(async () => (listed = (await client.GetJson("/v1/interview-requests"))["items"]!.AsArray()).Count > 0);
        Assert.Single(listed);
    }

    [Fact]
    public async Task PutBlocks_EndNotAfterStart_Returns400AndKeepsBlocks()
    {
        using var client = await Seeded();
        var monday = Api.NextMonday();
        var kept = $$"""[{"start":"{{Api.Iso(monday.AddHours(10))}}","end":"{{Api.Iso(monday.AddHours(11))}}","title":"kept"}]""";
        Assert.Equal(HttpStatusCode.OK, (await client.SendJson(HttpMethod.Put, "/v1/participants/ivy/blocks", kept)).StatusCode);
        var bad = $$"""[{"start":"{{Api.Iso(monday.AddHours(12))}}","end":"{{Api.Iso(monday.AddHours(12))}}"}]""";

        await Api.AssertProblem(await client.SendJson(HttpMethod.Put, "/v1/participants/ivy/blocks", bad), HttpStatusCode.BadRequest, "[0].end");

        var busy = await client.Busy("ivy", monday, monday.AddDays(1));
        var block = Assert.Single(busy, b => b.Source == "block");
        Assert.Equal(monday.AddHours(10), block.Start);
    }

    [Fact]
    public async Task PutBlocks_UnknownParticipant_Returns404()
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.SendJson(HttpMethod.Put, "/v1/participants/ghost/blocks", "[]"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to")]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-06-01T00:00:00Z", "to")]
    [InlineData("from=yesterday&to=2030-01-01T00:00:00Z", "from")]
    [InlineData("to=2030-01-01T00:00:00Z", "from")]
    [InlineData("from=9998-12-31T00:00:00Z&to=9999-12-31T23:59:59Z", "to")]
    [InlineData("from=0001-01-01T00:00:00%2B14:00&to=0001-01-02T00:00:00Z", "from")]
    public async Task GetBusy_BadRange_Returns400NamingParameter(string query, string field)
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.GetAsync($"/v1/participants/ivy/busy?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("durationMinutes=0", "durationMinutes")]
    [InlineData("durationMinutes=481", "durationMinutes")]
    [InlineData("durationMinutes=abc", "durationMinutes")]
    [InlineData("durationMinutes=30&granularityMinutes=7", "granularityMinutes")]
    [InlineData("", "durationMinutes")]
    public async Task GetAvailability_BadParameters_Returns400NamingParameter(string query, string field)
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.GetAsync($"/v1/participants/ivy/availability?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z&{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task PostBatch_Empty_Returns400()
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", """{"requests":[]}"""), HttpStatusCode.BadRequest, "requests");
        await Api.AssertProblem(await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", "{}"), HttpStatusCode.BadRequest, "requests");
    }

    [Fact]
    public async Task PostBatch_Oversized_Returns400AndStoresNothing()
    {
        using var client = await Seeded();
        var monday = Api.NextMonday();
        var item = System.Text.Json.JsonSerializer.Serialize(Api.Request("cand", ["ivy"], monday, monday.AddDays(5)));
        var body = "{\"requests\":[" + string.Join(",", Enumerable.Repeat(item, 10_001)) + "]}";

        await Api.AssertProblem(await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", body), HttpStatusCode.BadRequest, "requests");

        Assert.Empty((await client.GetJson("/v1/interview-requests"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"members":[]}""", "members")]
    [InlineData("""{"members":["ghost"]}""", "members[0]")]
    [InlineData("""{"members":["ivy","ivy"]}""", "members[1]")]
    [InlineData("""{"members":["ivy"],"strategy":"random"}""", "strategy")]
    [InlineData("""{"members":["ivy","cand"]}""", "members[1]")]
    public async Task PutPool_BadInput_Returns400AndStoresNothing(string body, string field)
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.SendJson(HttpMethod.Put, "/v1/pools/rejected", body), HttpStatusCode.BadRequest, field);

        await Api.AssertProblem(await client.GetAsync("/v1/pools/rejected"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400()
    {
        using var client = await Seeded();

        await Api.AssertProblem(await client.GetAsync("/v1/interview-requests?status=sleeping"), HttpStatusCode.BadRequest, "status");
        await Api.AssertProblem(await client.GetAsync("/v1/interview-requests?cursor=garbage"), HttpStatusCode.BadRequest, "cursor");
    }

    private async Task<HttpClient> Seeded()
    {
        var client = gateway.Admin(Tenant);
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        await client.PutParticipant("other-cand", kind: "candidate");
        Assert.Equal(HttpStatusCode.OK, (await client.SendJson(HttpMethod.Put, "/v1/pools/solo", """{"members":["ivy"]}""")).StatusCode);
        return client;
    }
}
