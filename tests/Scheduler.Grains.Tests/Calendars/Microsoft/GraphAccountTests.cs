namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class GraphAccountTests : ProviderAccountTests
{
    [Fact]
    public async Task GetBusy_Mailbox_ShowsEventsSubscribesAfterHandshakeAndSyncs()
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, T0.AddHours(2), T0.AddHours(3));

        var busy = await participant.GetBusy(Week);

        var interval = Assert.Single(busy.Intervals);
        Assert.Equal((T0.AddHours(2), T0.AddHours(3), BusySourceKind.Calendar), (interval.Start, interval.End, interval.Source));
        var view = await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        Assert.Equal(["acme/i1"], view.Readers);
        var channel = Assert.Single(view.Channels);
        var subscription = Assert.Single(silo.StandIn.Subscriptions);
        Assert.Equal((GraphSilo.Mailbox, subscription.Id, T0.AddDays(3)), (channel.CalendarId, channel.ResourceId, channel.ExpiresAt));
        Assert.Equal(subscription.NotificationUrl, subscription.LifecycleUrl);
        Assert.Contains(silo.StandIn.Deliveries, d => d.Kind == "validation" && d.Status == HttpStatusCode.OK);
        Assert.InRange(subscription.ClientState.Length, 40, 128);
    }

    [Fact]
    public async Task Notification_ForgedClientStateOrUnknownSubscription_ChangesNothing()
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        var synced = await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        var subscription = Assert.Single(silo.StandIn.Subscriptions);
        var calls = silo.StandIn.Calls.Count;

        var forged = await silo.StandIn.SendChangeAsync(subscription.Id, new string('A', 43));
        var forgedLifecycle = await silo.StandIn.SendLifecycleAsync(subscription.Id, MicrosoftNotifications.ReauthorizationRequired, clientState: "guess");
        var unknown = await silo.StandIn.SendChangeAsync(subscription.Id, string.Empty);
        var body = """{"value":[{"subscriptionId":"sub-other","clientState":"x","changeType":"updated"}]}""";
        using var direct = new HttpClient(silo.Router);
        using var noRouting = await direct.PostAsync(GraphSilo.WebhookUrl, new StringContent(body));

        Assert.All(new[] { forged, forgedLifecycle, unknown, noRouting.StatusCode }, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await Task.Delay(100);
        Assert.Equal(calls, silo.StandIn.Calls.Count);
        var after = await silo.AccountGrain.GetView();
        Assert.Equal(synced.Channels, after.Channels);
        Assert.Equal(synced.FullSyncs, after.FullSyncs);
    }

    [Fact]
    public async Task Renewal_FakeClockNearExpiry_NewSubscriptionBeforeExpiryAndOldDeleted()
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        var first = Assert.Single((await silo.WaitForViewAsync(v => v.Channels.Count == 1)).Channels);

        // Renewal is due 12 hours before the 3-day expiry; the access token (1 hour) is refreshed on the way.
        silo.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        var renewed = await silo.WaitForViewAsync(v => v.Channels.Count == 1 && v.Channels[0].ChannelId != first.ChannelId);
        var second = renewed.Channels[0];
        Assert.True(silo.Time.GetUtcNow() < first.ExpiresAt, "the subscription was renewed after it expired");
        Assert.Equal(silo.Time.GetUtcNow().AddDays(3), second.ExpiresAt);
        await TestSiloHost.WaitUntilAsync(() => silo.StandIn.Subscriptions.Count == 1 && silo.StandIn.Subscriptions[0].Id == second.ResourceId);
        Assert.Contains(silo.StandIn.Calls, c => c.Operation == "subscriptions.delete");
        Assert.Contains("refresh_token", silo.StandIn.Grants);
    }

    [Theory]
    [InlineData(MicrosoftNotifications.ReauthorizationRequired)]
    [InlineData(MicrosoftNotifications.SubscriptionRemoved)]
    public async Task Lifecycle_ReauthorizeOrRemoved_SubscriptionReplaced(string lifecycleEvent)
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        var old = Assert.Single(silo.StandIn.Subscriptions);

        var status = await silo.StandIn.SendLifecycleAsync(old.Id, lifecycleEvent);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var replacement = Assert.Single(silo.StandIn.Subscriptions);
        Assert.NotEqual(old.Id, replacement.Id);
        Assert.Equal(replacement.Id, Assert.Single((await silo.AccountGrain.GetView()).Channels).ResourceId);

        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, T0.AddHours(5), T0.AddHours(6));
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(Week)).Intervals.Count == 1, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Lifecycle_Missed_FullResyncAndParticipantRefreshes()
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        var subscription = Assert.Single(silo.StandIn.Subscriptions);

        // A change whose notification Graph lost: only the missed signal tells us.
        silo.StandIn.PushClient = new HttpClient(new DropAll());
        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, T0.AddHours(4), T0.AddHours(5));
        silo.StandIn.PushClient = new HttpClient(silo.Router);
        var status = await silo.StandIn.SendLifecycleAsync(subscription.Id, MicrosoftNotifications.Missed);

        Assert.Equal(HttpStatusCode.Accepted, status);
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(Week)).Intervals.Count == 1, TimeSpan.FromSeconds(1));
        var view = await silo.WaitForViewAsync(v => v.FullSyncs == 1 && v.SyncedCalendars.Count == 1);
        Assert.Single(view.Channels);
    }

    [Fact]
    public async Task GetBusy_AccessTokenRefused_RefreshedAndRetried()
    {
        await using var silo = await GraphSilo.StartAsync(watch: false);
        var participant = await silo.ConnectInterviewerAsync("i1");

        // The first read (the coming weeks, with the account's baseline sync) ends before the token expires; a week
        // beyond it is read afresh.
        await participant.GetBusy(new TimeRange(T0, T0.AddDays(1)));
        var later = new TimeRange(T0.AddDays(40), T0.AddDays(47));
        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, later.Start.AddHours(2), later.Start.AddHours(3));
        silo.StandIn.ExpireAccessTokens();
        var before = silo.StandIn.Calls.Count;

        var busy = await participant.GetBusy(later);

        Assert.Single(busy.Intervals);
        Assert.Equal(["refresh_token"], silo.StandIn.Grants);
        Assert.Equal(2, silo.StandIn.Calls.Skip(before).Count(c => c.Operation == "getSchedule"));
    }

    [Fact]
    public async Task AppOnlyAccount_TokenExpires_NewClientCredentialsToken()
    {
        await using var silo = await GraphSilo.StartAsync(watch: false);
        silo.StandIn.AddMailbox(GraphSilo.Mailbox);
        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, T0.AddHours(2), T0.AddHours(3));
        var oauth = silo.Host.Services.GetService(typeof(MicrosoftOAuthClient)) as MicrosoftOAuthClient;
        await silo.AccountGrain.Connect(await oauth!.AppOnlyAsync(CancellationToken.None));
        silo.Time.Advance(TimeSpan.FromHours(2));

        var answer = await silo.AccountGrain.GetFreeBusy(new AccountFreeBusyQuery("acme/i1", [GraphSilo.Mailbox], new TimeRange(T0, T0.AddDays(1))));

        Assert.Equal([new TimeRange(T0.AddHours(2), T0.AddHours(3))], answer.Busy);
        Assert.Equal(["client_credentials", "client_credentials"], silo.StandIn.Grants);
    }

    [Fact]
    public async Task Disconnect_DeletesSubscriptionAndForgetsCredentials()
    {
        await using var silo = await GraphSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        await silo.WaitForViewAsync(v => v.Channels.Count == 1);

        await silo.AccountGrain.Disconnect();

        Assert.Empty(silo.StandIn.Subscriptions);
        var view = await silo.AccountGrain.GetView();
        Assert.False(view.Connected);
        Assert.Empty(view.Channels);
    }

    private protected override async Task<ProviderSilo> StartSiloAsync() => await GraphSilo.StartAsync();

    private sealed class DropAll : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("unreachable");
    }
}
