using Scheduler.Grains.Common;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Tests;

/// <summary><c>POST /webhooks/slack</c>: Slack v0 signatures over the raw body, acknowledgement, and the accepts it triggers.</summary>
public sealed class SlackWebhookTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GatewayFactory _factory;

    public SlackWebhookTests()
    {
        _factory = new GatewayFactory(_data.Path, GatewayFactory.SlackWebhook);
        _factory.CreateClient().Dispose();
    }

    private IGrainFactory Grains => _factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Webhook_ValidSignatureAcceptProposal_AcknowledgedAndRequestBooked()
    {
        const string tenant = "slack-accept";
        var (client, id) = await ProposedRequestAsync(tenant);

        var response = await PostAsync(Body(SlackActions.AcceptProposal + "_0", $"{tenant}/{id}|0", "U-CAND"), Now());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await client.WaitForStatus(id, "booked");
        Assert.Single(view["booking"]!["stages"]!.AsArray());
    }

    [Fact]
    public async Task Webhook_RedeliveredInteraction_StoredBeforeTheAnswerAndHandledOnce()
    {
        const string tenant = "slack-redeliver";
        var (client, id) = await ProposedRequestAsync(tenant);
        var body = Body(SlackActions.AcceptProposal + "_0", $"{tenant}/{id}|0", "U-CAND", trigger: "13345224609.738474920.8088930838d88f008e0");
        var inbox = Grains.GetGrain<ISlackInboxGrain>(tenant);

        var first = await PostAsync(body, Now());
        var stored = await inbox.GetItems();
        var again = await PostAsync(body, Now());
        await client.WaitForStatus(id, "booked");
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while ((await inbox.GetItems()).Any(i => i.Status == SlackInboxStatus.Pending) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0:accept_proposal_0:1700000001.000200", Assert.Single(stored).Interaction.Id);
        var item = Assert.Single(await inbox.GetItems());
        Assert.Equal(SlackInboxStatus.Done, item.Status);
        Assert.Equal(1, item.Attempts);
        var view = await client.GetJson($"/v1/interview-requests/{id}");
        Assert.Single(view["history"]!.AsArray(), h => ((string?)h!["reason"])?.EndsWith("selected.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Webhook_ForgedSignature_UnauthorizedAndNothingChanges()
    {
        const string tenant = "slack-forged";
        var (client, id) = await ProposedRequestAsync(tenant);
        var before = await client.GetJson($"/v1/interview-requests/{id}");
        var body = Body(SlackActions.AcceptProposal + "_0", $"{tenant}/{id}|0", "U-CAND");

        var response = await PostAsync(body, Now(), signature: SlackSignatureVerifier.Sign("not-the-secret", Now(), body));
        var altered = await PostAsync(body, Now(), signature: SlackSignatureVerifier.Sign(GatewayFactory.SlackSigningSecret, Now(), Encoding.UTF8.GetBytes("payload=%7B%7D")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, altered.StatusCode);
        var after = await client.GetJson($"/v1/interview-requests/{id}");
        Assert.Equal("proposed", (string?)after["status"]);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Webhook_StaleTimestamp_Unauthorized()
    {
        const string tenant = "slack-stale";
        var (client, id) = await ProposedRequestAsync(tenant);
        var stale = TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await PostAsync(Body(SlackActions.AcceptProposal + "_0", $"{tenant}/{id}|0", "U-CAND"), stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("proposed", (string?)(await client.GetJson($"/v1/interview-requests/{id}"))["status"]);
    }

    [Fact]
    public async Task Webhook_TwoAcceptsOfOneOfferRace_ExactlyOneWins()
    {
        const string tenant = "slack-pool";
        foreach (var member in new[] { "ann", "bob", "cy" })
        {
            await Grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, member)).UpsertProfile(
                new ParticipantProfile($"Person {member}", $"{member}@example.test", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon"], "09:00", "17:00")])
                {
                    SlackUserId = "U-" + member.ToUpperInvariant(),
                });
        }

        var poolKey = GrainKeys.For(tenant, "backend");
        var pool = Grains.GetGrain<IInterviewerPoolGrain>(poolKey);
        await pool.Upsert(new PoolDefinition(["ann", "bob", "cy"], PoolStrategy.RoundRobin));
        var slot = new TimeRange(Api.NextMonday().AddHours(10), Api.NextMonday().AddHours(11));
        await pool.Offer(new OfferSpec("offer-1", "req-1", slot, ["ann", "bob"]));
        await pool.Offer(new OfferSpec("offer-2", "req-2", slot, ["cy"]));

        var responses = await Task.WhenAll(
            PostAsync(Body(SlackActions.AcceptPoolOffer, SlackActions.Value(poolKey, "offer-1"), "U-ANN"), Now()),
            PostAsync(Body(SlackActions.AcceptPoolOffer, SlackActions.Value(poolKey, "offer-1"), "U-BOB"), Now()));
        var marker = await PostAsync(Body(SlackActions.AcceptPoolOffer, SlackActions.Value(poolKey, "offer-2"), "U-CY"), Now());

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, marker.StatusCode);
        await WaitForOfferAsync(pool, "offer-2");
        var offer = await pool.GetOffer("offer-1");
        Assert.Equal(OfferStatus.Accepted, offer!.Status);
        Assert.Contains(offer.AcceptedBy, new[] { "ann", "bob" });
        Assert.Single(offer.Recipients, r => r.Status == OfferStatus.Accepted);
    }

    [Fact]
    public async Task Webhook_NoSigningSecretConfigured_NotFound()
    {
        using var data = new TempDirectory();
        using var plain = new GatewayFactory(data.Path);
        using var client = plain.CreateClient();
        var body = Body(SlackActions.AcceptProposal + "_0", "t/r|0", "U-X");

        using var response = await client.PostAsync("/webhooks/slack", Content(body, Now(), SlackSignatureVerifier.Sign("any", Now(), body)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static byte[] Body(string actionId, string value, string userId, string? trigger = null)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId },
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "D-1", ["message_ts"] = "1700000000.000100" },
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = value, ["action_ts"] = "1700000001.000200" } },
        };
        if (trigger is not null)
        {
            payload["trigger_id"] = trigger;
        }

        return Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload.ToJsonString()));
    }

    private static ByteArrayContent Content(byte[] body, string timestamp, string signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        content.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        content.Headers.Add(SlackSignatureVerifier.SignatureHeader, signature);
        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string timestamp, string? signature = null)
    {
        using var client = _factory.CreateClient();
        return await client.PostAsync("/webhooks/slack", Content(body, timestamp, signature ?? SlackSignatureVerifier.Sign(GatewayFactory.SlackSigningSecret, timestamp, body)));
    }

    private async Task<(HttpClient Client, string Id)> ProposedRequestAsync(string tenant)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(tenant, ["admin", "ats", "recruiter"]));
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        var monday = Api.NextMonday();
        var created = await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5)));
        var id = (string)created["id"]!;
        await client.WaitForStatus(id, "proposed");
        return (client, id);
    }

    private static async Task WaitForOfferAsync(IInterviewerPoolGrain pool, string offerId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while ((await pool.GetOffer(offerId))?.Status != OfferStatus.Accepted)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"Offer {offerId} was not accepted.");
            }

            await Task.Delay(20);
        }
    }
}
