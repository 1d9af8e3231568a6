using Scheduler.Grains.Notifications.Slack;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// A request with a <c>firstToAccept</c> pool, end to end over HTTP: the offer goes out as Slack DMs (Slack Web API
/// stand-in), two members press Accept at the same moment (signed <c>block_actions</c> to <c>/webhooks/slack</c>), one
/// is booked, the other's message is replaced with <c>chat.update</c>, and the request's GET shows the winner.
/// </summary>
public sealed class PoolOfferWebhookTests : IAsyncLifetime
{
    private const string Tenant = "offer-race";
    private readonly TempDirectory _data = new();
    private SlackStandIn _slack = null!;
    private GatewayFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync(TimeProvider.System);
        _slack.Channels.UnionWith(["U-ANN", "U-BOB"]);
        _factory = new GatewayFactory(_data.Path, new Dictionary<string, string?>(GatewayFactory.SlackWebhook)
        {
            ["Slack:BotToken"] = SlackStandIn.Token,
            ["Slack:BaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:ChannelIntervalMilliseconds"] = "0",
        });
    }

    [Fact]
    public async Task Webhook_TwoMembersAcceptTheRequestsOfferConcurrently_OneBookedLoserUpdatedAndGetShowsWinner()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Tenant, ["admin", "ats", "recruiter"]));
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        foreach (var member in new[] { "ann", "bob" })
        {
            await PutMemberAsync(client, member);
        }

        var pool = await client.PutAsJsonAsync("/v1/pools/backend", new { members = new[] { "ann", "bob" }, strategy = "firstToAccept" });
        Assert.Equal(HttpStatusCode.OK, pool.StatusCode);
        Assert.Equal("firstToAccept", (string?)(await pool.Json())["strategy"]);
        var monday = Api.NextMonday();
        var created = await client.Submit(new
        {
            candidateId = "cand",
            stages = new[] { new { name = "screen", durationMinutes = 60, interviewerIds = new[] { "ivy" }, pools = new[] { new { poolId = "backend", count = 1 } } } },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
            mode = "autoBook",
            poolOfferMinutes = 120,
        });
        var id = (string)created["id"]!;

        var offered = await client.WaitForStatus(id, "offered");
        var offer = offered["offer"]!;
        var offerId = (string)offer["offerId"]!;
        Assert.Equal("backend", (string?)offer["poolId"]);
        Assert.Equal(["ann", "bob"], offer["memberIds"]!.AsArray().Select(m => (string)m!));
        Assert.True(DateTimeOffset.Parse((string)offer["expiresAt"]!, CultureInfo.InvariantCulture) <= TimeProvider.System.GetUtcNow().AddMinutes(121));
        var posts = await WaitForAsync(() => _slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Error is null).ToList(), p => p.Count == 2);
        Assert.Equal(["U-ANN", "U-BOB"], posts.Select(p => p.Channel).Order(StringComparer.Ordinal));
        var value = $"{Tenant}/backend|{offerId}";

        var responses = await Task.WhenAll(
            PostAsync(Body("U-ANN", value, "D-ANN")),
            PostAsync(Body("U-BOB", value, "D-BOB")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var booked = await client.WaitForStatus(id, "booked");
        var interviewers = booked["booking"]!["stages"]![0]!["interviewerIds"]!.AsArray().Select(i => (string)i!).ToList();
        var winner = Assert.Single(interviewers, i => i is "ann" or "bob");
        var loser = winner == "ann" ? "bob" : "ann";
        Assert.Contains("ivy", interviewers);
        Assert.Null(booked["offer"]);
        Assert.Contains(booked["history"]!.AsArray(), h => (string?)h!["reason"] == $"{winner} accepted the offer of pool backend.");
        var start = DateTimeOffset.Parse((string)booked["booking"]!["stages"]![0]!["start"]!, CultureInfo.InvariantCulture);
        var end = start.AddHours(1);
        Assert.Contains(await client.Busy(winner, start, end), b => b.Source == "booking");
        Assert.DoesNotContain(await client.Busy(loser, start, end), b => b.Source is "booking" or "hold");

        var updates = await WaitForAsync(() => _slack.Calls.Where(c => c.Method == "chat.update" && c.Error is null).ToList(), u => u.Count == 2);
        var loserUpdate = Assert.Single(updates, u => u.Channel == "D-" + loser.ToUpperInvariant());
        Assert.Contains("was taken by someone else", loserUpdate.Text, StringComparison.Ordinal);
        Assert.Contains("You took", Assert.Single(updates, u => u.Channel == "D-" + winner.ToUpperInvariant()).Text, StringComparison.Ordinal);
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10_081)]
    public async Task Submit_PoolOfferMinutesOutOfRange_ProblemForTheFieldAndNothingStored(int minutes)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Tenant + "-invalid", ["admin", "ats", "recruiter"]));
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        var monday = Api.NextMonday();

        var response = await client.PostJson("/v1/interview-requests", new
        {
            externalId = "ext-invalid",
            candidateId = "cand",
            stages = new[] { new { name = "screen", durationMinutes = 60, interviewerIds = new[] { "ivy" } } },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
            poolOfferMinutes = minutes,
        });

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "poolOfferMinutes");
        var list = await client.GetJson("/v1/interview-requests");
        Assert.Empty(list["items"]!.AsArray());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
        _data.Dispose();
    }

    private static async Task PutMemberAsync(HttpClient client, string id)
    {
        var response = await client.PutAsJsonAsync($"/v1/participants/{id}", new
        {
            displayName = $"Person {id}",
            email = $"{id}@example.test",
            kind = "interviewer",
            timeZone = "Etc/UTC",
            workingHours = new[] { new { days = Api.Weekdays, start = "09:00", end = "17:00" } },
            slackUserId = "U-" + id.ToUpperInvariant(),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Body(string userId, string value, string channel)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["trigger_id"] = $"trigger-{userId}",
            ["user"] = new JsonObject { ["id"] = userId },
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel, ["message_ts"] = "1770000001.000000" },
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "button", ["action_id"] = SlackActions.AcceptPoolOffer, ["value"] = value, ["action_ts"] = "1770000100.000100" } },
        };
        return Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload.ToJsonString()));
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var client = _factory.CreateClient();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        content.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        content.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(GatewayFactory.SlackSigningSecret, timestamp, body));
        return await client.PostAsync("/webhooks/slack", content);
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "Timed out waiting for the Slack stand-in.");
            await Task.Delay(20);
        }
    }
}
