using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Gateway.Tests;

public sealed class GoogleCalendarGatewayTests : IAsyncLifetime
{
    private const string Tenant = "google-tests";
    private const string Account = "grace@example.com";
    private const string WebhookUrl = "http://localhost/webhooks/google";
    private const string RedirectUri = "http://localhost/v1/oauth/google/callback";
    private const string AccountPath = $"/v1/calendar-accounts/google/{Account}";
    private readonly TempDirectory _data = new();
    private GoogleStandIn _google = null!;
    private GatewayFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _google = await GoogleStandIn.StartAsync(TimeProvider.System);
        _google.AddCalendar("primary");
        _factory = new GatewayFactory(_data.Path, Settings(_google));
        _google.PushClient = _factory.CreateClient();
    }

    /// <summary>The Google connector pointed at the stand-in; the webhook is the in-process <c>/webhooks/google</c>.</summary>
    private static Dictionary<string, string?> Settings(GoogleStandIn standIn) => new()
    {
        ["Google:ApiBaseUrl"] = standIn.ApiBaseUrl.AbsoluteUri,
        ["Google:TokenUrl"] = standIn.TokenUrl.AbsoluteUri,
        ["Google:AuthUrl"] = new Uri(standIn.ApiBaseUrl, "/auth").AbsoluteUri,
        ["Google:ClientId"] = GoogleStandIn.ClientId,
        ["Google:ClientSecret"] = GoogleStandIn.ClientSecret,
        ["Google:RedirectUri"] = RedirectUri,
        ["Google:WebhookUrl"] = WebhookUrl,
        ["Google:RetryBaseDelay"] = "00:00:00.010",
    };

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _google.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task OAuthConnect_ThenPush_ParticipantBusyShowsEachNewEventWithoutAFullSync()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        Assert.Empty(await admin.Busy("grace", from, from.AddDays(5)));
        await TestSiloHost.WaitUntilAsync(() => _google.Pushes.Any(p => p.State == "sync" && p.Status == HttpStatusCode.OK));
        var synced = await TestSiloHost.WaitForAsync(() => admin.GetJson(AccountPath), view => view["syncedCalendars"]!.AsArray().Count == 1);

        // Each event shows through its push (the next poll is minutes away); how fast is measured by the calendar
        // benchmark (docs/PERFORMANCE.md, "Calendar push notifications"), not asserted here.
        for (var i = 0; i < 20; i++)
        {
            var start = from.AddHours(9 + (i % 8)).AddDays(i / 8);
            await _google.AddEventAsync("primary", $"e{i}", start, start.AddMinutes(30));
            await TestSiloHost.WaitForAsync(() => admin.Busy("grace", from, from.AddDays(5)), busy => busy.Any(b => b.Start == start && b.Source == "calendar"), describe: _ => $"event {i} not visible");
        }

        Assert.All(_google.Pushes, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal((int)synced["fullSyncs"]!, (int)(await admin.GetJson(AccountPath))["fullSyncs"]!);
    }

    [Fact]
    public async Task Account_ViewThenDisconnect_StopsTheChannelAndForgetsTheAccount()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        await admin.Busy("grace", from, from.AddDays(5)); // the first read of the calendar opens its push channel
        await TestSiloHost.WaitUntilAsync(() => _google.LiveChannels.Count == 1);

        var view = await admin.GetJson(AccountPath);

        Assert.True((bool)view["connected"]!);
        Assert.Single(view["channels"]!.AsArray());
        Assert.Equal([$"{Tenant}/grace"], view["readers"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["accessTokenExpiresAt", "channels", "connected", "fullSyncs", "provider", "readers", "syncedCalendars"], view.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)); // no secrets

        using var recruiter = Client("recruiter");
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.DeleteAsync(new Uri(AccountPath, UriKind.Relative))).StatusCode);
        Assert.Single(_google.LiveChannels);

        using var deleted = await admin.DeleteAsync(new Uri(AccountPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(_google.LiveChannels); // channels.stop reached Google
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(AccountPath, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri(AccountPath, UriKind.Relative))).StatusCode); // idempotent

        using var unknown = await admin.GetAsync(new Uri("/v1/calendar-accounts/yahoo/someone", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("provider", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_ForgedOrUnknownChannel_404AndNothingChanges()
    {
        using var admin = Admin();
        await admin.PutParticipant("grace");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        await admin.Busy("grace", from, from.AddDays(5));
        await TestSiloHost.WaitUntilAsync(() => _google.LiveChannels.Count == 1 && _google.Pushes.Any(p => p.Status == HttpStatusCode.OK));
        var channel = _google.LiveChannels[0];
        var calls = _google.Calls.Count;
        using var anonymous = _factory.CreateClient();

        var forged = await _google.DeliverAsync(channel, "exists", token: channel.Token![..^4] + "AAAA");
        var unknown = await _google.DeliverAsync(channel with { Id = "ch-nope" }, "exists");
        using var bare = await anonymous.PostAsync("/webhooks/google", null);

        Assert.Equal(HttpStatusCode.NotFound, forged);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        await Task.Delay(200);
        Assert.Equal(calls, _google.Calls.Count);
    }

    [Fact]
    public async Task Push_EventOverBookedInterview_RequestRescheduled()
    {
        using var admin = Admin();
        var id = await SubmitAutoBookAsync(admin, "g-resched");
        var booked = await admin.WaitForStatus(id, "booked");
        var stage = booked["booking"]!["stages"]![0]!;
        var start = DateTimeOffset.Parse((string)stage["start"]!);
        await TestSiloHost.WaitUntilAsync(() => _google.LiveChannels.Count == 1 && _google.Pushes.Any(p => p.Status == HttpStatusCode.OK));

        await _google.AddEventAsync("primary", "clash", start, start.AddMinutes(45));

        var moved = await admin.WaitForRequest(id, v => (string?)v["status"] == "booked" && DateTimeOffset.Parse((string)v["booking"]!["stages"]![0]!["start"]!) != start);
        var newStart = DateTimeOffset.Parse((string)moved["booking"]!["stages"]![0]!["start"]!);
        Assert.True(newStart >= start.AddMinutes(45) || newStart.AddHours(1) <= start);
    }

    [Fact]
    public async Task Booked_WithGoogleMeet_RequestShowsTheMeetLinkOfTheEvent()
    {
        using var admin = Admin();

        var id = await SubmitAutoBookAsync(admin, "g-meet", conferencing: "googleMeet");
        var linked = await admin.WaitForRequest(id, v => v["booking"]?["stages"]?[0]?["conferenceUrl"] is not null);

        var meeting = Assert.Single(_google.Events("primary"), e => e.HangoutLink is not null);
        Assert.Equal(meeting.HangoutLink, (string?)linked["booking"]!["stages"]![0]!["conferenceUrl"]);
        Assert.Equal(meeting.Start, DateTimeOffset.Parse((string)linked["booking"]!["stages"]![0]!["start"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OAuthCallback_AlteredStateOrDenied_400AndNoAccount()
    {
        using var admin = Admin();
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var url = await StartAsync(admin, "grace", participant: null);
        var callback = _google.Consent(url);
        var state = System.Web.HttpUtility.ParseQueryString(callback.Query)["state"]!;

        using var altered = await anonymous.GetAsync($"/v1/oauth/google/callback?state={Uri.EscapeDataString(state[..^3] + "xyz")}&code=4/abc");
        using var denied = await anonymous.GetAsync($"/v1/oauth/google/callback?state={Uri.EscapeDataString(state)}&error=access_denied");
        using var notAdmin = Client("recruiter");
        using var forbidden = await notAdmin.GetAsync("/v1/oauth/google/start?accountId=x");
        using var noAccount = await admin.GetAsync("/v1/oauth/google/start");
        using var redirect = await ClientNoRedirect().GetAsync("/v1/oauth/google/start?accountId=x&redirect=true");

        await Api.AssertProblem(altered, HttpStatusCode.BadRequest, "state");
        await Api.AssertProblem(denied, HttpStatusCode.BadRequest, "error");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await Api.AssertProblem(noAccount, HttpStatusCode.BadRequest, "accountId");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(new Uri(_google.ApiBaseUrl, "/auth").AbsoluteUri, redirect.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(_google.Grants);
    }

    /// <summary>Adds grace (connected to the Google account) and the candidate cand, and submits an auto-booked interview of them next week; returns its id.</summary>
    private async Task<string> SubmitAutoBookAsync(HttpClient admin, string externalId, string conferencing = "none")
    {
        await admin.PutParticipant("grace");
        await admin.PutParticipant("cand", kind: "candidate");
        await ConnectAsync(admin, "grace");
        var from = Api.NextMonday();
        var body = JsonSerializer.SerializeToNode(Api.Request("cand", ["grace"], from, from.AddDays(5), mode: "autoBook", externalId: externalId))!.AsObject();
        body["conferencing"] = conferencing;
        return (string)(await admin.Submit(body))["id"]!;
    }

    private async Task ConnectAsync(HttpClient admin, string participant)
    {
        var url = await StartAsync(admin, Account, participant);
        var callback = _google.Consent(url);
        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync(callback.PathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var connected = await response.Json();
        Assert.Equal(Account, (string?)connected["accountId"]);
        var profile = await admin.GetJson($"/v1/participants/{participant}");
        var calendar = Assert.Single(profile["calendars"]!.AsArray());
        Assert.Equal("google", (string?)calendar!["provider"]);
        Assert.Equal(["authorization_code"], _google.Grants);
    }

    private static async Task<Uri> StartAsync(HttpClient admin, string account, string? participant)
    {
        var start = await admin.GetJson($"/v1/oauth/google/start?accountId={Uri.EscapeDataString(account)}" + (participant is null ? string.Empty : $"&participantId={participant}"));
        return new Uri((string)start["authorizationUrl"]!);
    }

    private HttpClient Admin() => Client("admin");

    private HttpClient Client(string role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Tenant, [role]));
        return client;
    }

    private HttpClient ClientNoRedirect()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Tenant, ["admin"]));
        return client;
    }
}
