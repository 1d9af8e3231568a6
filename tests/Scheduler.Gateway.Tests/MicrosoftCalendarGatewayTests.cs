using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Gateway.Tests;

public sealed class MicrosoftCalendarGatewayTests : IAsyncLifetime
{
    private const string Tenant = "microsoft-tests";
    private const string Account = "contoso";
    private const string Mailbox = "grace@contoso.example";
    private const string WebhookUrl = "https://localhost/webhooks/microsoft";
    private const string RedirectUri = "http://localhost/v1/oauth/microsoft/callback";
    private const string AccountPath = $"/v1/calendar-accounts/microsoft/{Account}";
    private readonly TempDirectory _data = new();
    private GraphStandIn _graph = null!;
    private GatewayFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphStandIn.StartAsync(TimeProvider.System);
        _graph.AddMailbox(Mailbox);
        _factory = new GatewayFactory(_data.Path, Settings(_graph));
        _graph.PushClient = _factory.CreateClient();
    }

    /// <summary>The Microsoft connector pointed at the stand-in; the webhook is the in-process <c>/webhooks/microsoft</c>.</summary>
    private static Dictionary<string, string?> Settings(GraphStandIn standIn) => new()
    {
        ["Microsoft:GraphBaseUrl"] = standIn.GraphBaseUrl.AbsoluteUri,
        ["Microsoft:AuthorityHost"] = standIn.AuthorityHost.AbsoluteUri,
        ["Microsoft:TenantId"] = GraphStandIn.Tenant,
        ["Microsoft:ClientId"] = GraphStandIn.ClientId,
        ["Microsoft:ClientSecret"] = GraphStandIn.ClientSecret,
        ["Microsoft:RedirectUri"] = RedirectUri,
        ["Microsoft:WebhookUrl"] = WebhookUrl,
        ["Microsoft:RetryBaseDelay"] = "00:00:00.010",
    };

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Webhook_ValidationToken_EchoedAsPlainText()
    {
        using var anonymous = _factory.CreateClient();

        using var response = await anonymous.PostAsync("/webhooks/microsoft?validationToken=Validation%3A%20Testing%20client%20application", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: Testing client application", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OAuthConnect_ThenNotification_ParticipantBusyShowsEachNewEventWithoutAFullSync()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        Assert.Empty(await admin.Busy("grace", from, from.AddDays(5)));
        await TestSiloHost.WaitUntilAsync(() => _graph.Subscriptions.Count == 1);
        Assert.Contains(_graph.Deliveries, d => d.Kind == "validation" && d.Status == HttpStatusCode.OK);
        var synced = await InitialSyncAsync(admin);

        // Each event shows through its notification (the next poll is minutes away); how fast is measured by the calendar
        // benchmark (docs/PERFORMANCE.md, "Calendar push notifications"), not asserted here.
        for (var i = 0; i < 20; i++)
        {
            var start = from.AddHours(9 + (i % 8)).AddDays(i / 8);
            await _graph.AddEventAsync(Mailbox, start, start.AddMinutes(30));
            await TestSiloHost.WaitForAsync(() => admin.Busy("grace", from, from.AddDays(5)), busy => busy.Any(b => b.Start == start && b.Source == "calendar"), describe: _ => $"event {i} not visible");
        }

        Assert.All(_graph.Deliveries.Where(d => d.Kind == "change"), d => Assert.Equal(HttpStatusCode.Accepted, d.Status));
        Assert.Equal((int)synced["fullSyncs"]!, (int)(await admin.GetJson(AccountPath))["fullSyncs"]!);
    }

    [Fact]
    public async Task Webhook_ForgedClientStateOrNoRouting_404AndNothingChanges()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        await admin.Busy("grace", from, from.AddDays(5));
        await TestSiloHost.WaitUntilAsync(() => _graph.Subscriptions.Count == 1);
        var subscription = _graph.Subscriptions[0];
        await InitialSyncAsync(admin);
        var calls = _graph.Calls.Count;
        using var anonymous = _factory.CreateClient();

        var forged = await _graph.SendChangeAsync(subscription.Id, subscription.ClientState[..^4] + "AAAA");
        using var bare = await anonymous.PostAsync("/webhooks/microsoft", new StringContent("""{"value":[{"subscriptionId":"x","clientState":"y"}]}"""));
        using var garbage = await anonymous.PostAsync("/webhooks/microsoft?ch=ch-1&acct=abc", new StringContent("not json"));

        Assert.Equal(HttpStatusCode.NotFound, forged);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        await Task.Delay(200);
        Assert.Equal(calls, _graph.Calls.Count);
    }

    [Fact]
    public async Task OAuthStart_AppOnly_ConnectsWithClientCredentials()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");

        var connected = await admin.GetJson($"/v1/oauth/microsoft/start?accountId={Account}&participantId=grace&mailbox={Uri.EscapeDataString(Mailbox)}&appOnly=true");

        Assert.Equal("microsoft", (string?)connected["provider"]);
        Assert.Equal(["client_credentials"], _graph.Grants);
        var calendar = Assert.Single((await admin.GetJson("/v1/participants/grace"))["calendars"]!.AsArray());
        Assert.Equal(Mailbox, (string?)calendar!["mailbox"]);
    }

    [Fact]
    public async Task OAuth_BadInputOrAlteredState_400AndNoGrant()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        using var anonymous = _factory.CreateClient();
        var url = await StartAsync(admin, "grace");
        var state = System.Web.HttpUtility.ParseQueryString(url.Query)["state"]!;

        using var noMailbox = await admin.GetAsync($"/v1/oauth/microsoft/start?accountId={Account}&participantId=grace");
        using var altered = await anonymous.GetAsync($"/v1/oauth/microsoft/callback?state={Uri.EscapeDataString(state[..^3] + "xyz")}&code=abc");
        using var denied = await anonymous.GetAsync($"/v1/oauth/microsoft/callback?state={Uri.EscapeDataString(state)}&error=access_denied");

        await Api.AssertProblem(noMailbox, HttpStatusCode.BadRequest, "mailbox");
        await Api.AssertProblem(altered, HttpStatusCode.BadRequest, "state");
        await Api.AssertProblem(denied, HttpStatusCode.BadRequest, "error");
        Assert.Empty(_graph.Grants);
    }

    /// <summary>
    /// Waits until the account has stored the delta link of its first round after subscribing (it tells readers only about
    /// changes after that round, so an event added while it runs would be taken in silently) and returns the account's view.
    /// </summary>
    private static Task<JsonNode> InitialSyncAsync(HttpClient admin) =>
        TestSiloHost.WaitForAsync(() => admin.GetJson(AccountPath), view => view["syncedCalendars"]!.AsArray().Count == 1);

    private async Task ConnectAsync(HttpClient admin, string participant)
    {
        var url = await StartAsync(admin, participant);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(RedirectUri, query["redirect_uri"]);
        var code = _graph.IssueCode(query["code_challenge"]);
        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync($"/v1/oauth/microsoft/callback?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(Account, (string?)(await response.Json())["accountId"]);
        var calendar = Assert.Single((await admin.GetJson($"/v1/participants/{participant}"))["calendars"]!.AsArray());
        Assert.Equal("microsoft", (string?)calendar!["provider"]);
        Assert.Equal(["authorization_code"], _graph.Grants);
    }

    private async Task<Uri> StartAsync(HttpClient admin, string participant)
    {
        var start = await admin.GetJson($"/v1/oauth/microsoft/start?accountId={Account}&participantId={participant}&mailbox={Uri.EscapeDataString(Mailbox)}");
        var url = new Uri((string)start["authorizationUrl"]!);
        Assert.StartsWith(new Uri(_graph.AuthorityHost, $"{GraphStandIn.Tenant}/oauth2/v2.0/authorize").AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal);
        return url;
    }

    private HttpClient Admin()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Tenant, ["admin"]));
        return client;
    }
}
