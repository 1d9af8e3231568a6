using System.Text;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleAccountTests : ProviderAccountTests
{
    /// <summary>A week beyond what a participant reads when its profile is saved, so a question about it reads the calendar.</summary>
    private static readonly TimeRange LaterWeek = new(T0.AddDays(40), T0.AddDays(47));

    [Fact]
    public async Task Connect_CredentialsStoredEncrypted_NeverInClear()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var credentials = silo.StandIn.IssueCredentials();

        var view = await silo.AccountGrain.Connect(credentials);

        var grainId = GrainId.Create("calendar-account", GoogleSilo.AccountKey);
        var text = Encoding.UTF8.GetString(silo.Storage.Payload(grainId, "calendarAccount")!.ToArray());
        Assert.True(view.Connected);
        Assert.Equal(credentials.ExpiresAt, view.AccessTokenExpiresAt);
        Assert.DoesNotContain(credentials.AccessToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.RefreshToken!, text, StringComparison.Ordinal);
        Assert.NotNull(silo.Storage.Read<CalendarAccountState>(grainId, "calendarAccount")!.ProtectedCredentials);
    }

    [Fact]
    public async Task GetBusy_GoogleCalendar_ShowsEventsRegistersReaderWatchesAndSyncs()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1", "grace@example.com");
        await silo.StandIn.AddEventAsync("grace@example.com", "e1", LaterWeek.Start.AddHours(2), LaterWeek.Start.AddHours(3));

        var busy = await participant.GetBusy(LaterWeek);

        var interval = Assert.Single(busy.Intervals);
        Assert.Equal((LaterWeek.Start.AddHours(2), LaterWeek.Start.AddHours(3), BusySourceKind.Calendar), (interval.Start, interval.End, interval.Source));
        Assert.False(busy.Stale);
        var view = await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        Assert.Equal(["acme/i1"], view.Readers);
        var channel = Assert.Single(view.Channels);
        Assert.Equal("grace@example.com", channel.CalendarId);
        Assert.Equal(T0.AddDays(7), channel.ExpiresAt);

        // Google sends the channel's "sync" message after it answered the watch request, so it may still be on its way.
        await TestSiloHost.WaitUntilAsync(() => silo.StandIn.Pushes.Any(p => p.State == "sync" && p.Status == System.Net.HttpStatusCode.OK));
    }

    [Fact]
    public async Task Push_ForgedTokenOrUnknownChannel_ChangesNothing()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        var synced = await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        var channel = Assert.Single(silo.StandIn.LiveChannels);
        var calls = silo.StandIn.Calls.Count;

        var forged = await silo.StandIn.DeliverAsync(channel, "exists", token: ChannelTokens.NewToken(GoogleSilo.AccountKey));
        var wrongResource = await silo.StandIn.DeliverAsync(channel, "exists", resourceId: "res-other");
        var unknown = await silo.StandIn.DeliverAsync(channel with { Id = "ch-unknown" }, "exists");
        var garbage = await silo.StandIn.DeliverAsync(channel, "exists", token: "not-a-token");

        Assert.All(new[] { forged, wrongResource, unknown, garbage }, s => Assert.Equal(System.Net.HttpStatusCode.NotFound, s));
        await Task.Delay(100);
        Assert.Equal(calls, silo.StandIn.Calls.Count);
        Assert.Equal(synced, await silo.AccountGrain.GetView(), new ViewComparer());
    }

    [Fact]
    public async Task Renewal_FakeClockNearExpiry_NewChannelOpenedBeforeExpiryAndOldStopped()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        var first = Assert.Single((await silo.WaitForViewAsync(v => v.Channels.Count == 1)).Channels);

        silo.Time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));

        var renewed = await silo.WaitForViewAsync(v => v.Channels.Count == 1 && v.Channels[0].ChannelId != first.ChannelId);
        var second = renewed.Channels[0];
        var watchedAt = silo.StandIn.Calls.Last(c => c.Method == "events.watch").At;
        Assert.True(watchedAt < first.ExpiresAt, "the channel was renewed after it expired");
        Assert.Equal(watchedAt.AddDays(7), second.ExpiresAt);
        await TestSiloHost.WaitUntilAsync(() => silo.StandIn.LiveChannels.Count == 1 && silo.StandIn.LiveChannels[0].Id == second.ChannelId);
        Assert.Contains(silo.StandIn.Calls, c => c.Method == "channels.stop");
    }

    [Fact]
    public async Task GetBusy_AccessTokenExpired_RefreshedAndRetried()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var participant = await silo.ConnectInterviewerAsync("i1");
        await silo.StandIn.AddEventAsync("primary", "e1", LaterWeek.Start.AddHours(2), LaterWeek.Start.AddHours(3));
        silo.StandIn.ExpireAccessTokens();
        var before = silo.StandIn.Calls.Count;

        var busy = await participant.GetBusy(LaterWeek);

        Assert.Single(busy.Intervals);
        Assert.Equal(["refresh_token"], silo.StandIn.Grants);
        Assert.Equal(2, silo.StandIn.Calls.Skip(before).Count(c => c.Method == "freeBusy"));
    }

    [Fact]
    public async Task Push_SyncTokenExpired_FullResyncAndReadersStillTold()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);
        silo.StandIn.ExpireSyncTokens();

        await silo.StandIn.AddEventAsync("primary", "e1", T0.AddHours(2), T0.AddHours(3));

        var view = await silo.WaitForViewAsync(v => v.FullSyncs == 1);
        Assert.Equal(1, view.FullSyncs);
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(Week)).Intervals.Count == 1);
    }

    [Fact]
    public async Task GetBusy_AllCalendarsFail_StaleWithPerCalendarError()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var participant = await silo.ConnectInterviewerAsync("i1", "known");
        await participant.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            Calendars = [new CalendarSpec("google") { AccountId = GoogleSilo.Account, CalendarIds = ["missing"] }],
        });

        var busy = await participant.GetBusy(Week);

        Assert.True(busy.Stale);
        var calendar = Assert.Single(busy.Calendars);
        Assert.Equal("google", calendar.Provider);
        Assert.Contains("missing: notFound", calendar.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_StopsChannelsAndForgetsCredentials()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        await silo.WaitForViewAsync(v => v.Channels.Count == 1);

        await silo.AccountGrain.Disconnect();

        var view = await silo.AccountGrain.GetView();
        Assert.False(view.Connected);
        Assert.Empty(view.Channels);
        Assert.Empty(silo.StandIn.LiveChannels);
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(Week)).Stale);
    }

    [Fact]
    public async Task GetBusy_SixtyCalendarsOverHundredDays_ChunkedWithinGoogleLimits()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var ids = Enumerable.Range(0, 60).Select(i => $"cal{i}@example.com").ToArray();
        var participant = await silo.ConnectInterviewerAsync("i1", ids);
        await silo.StandIn.AddEventAsync("cal59@example.com", "late", T0.AddDays(95), T0.AddDays(95).AddHours(1));
        await silo.StandIn.AddEventAsync("cal0@example.com", "early", T0.AddHours(1), T0.AddHours(2));

        var before = silo.StandIn.Calls.Count;
        var busy = await participant.GetBusy(new TimeRange(T0, T0.AddDays(100)));

        Assert.Equal([T0.AddHours(1), T0.AddDays(95)], busy.Intervals.Select(i => i.Start));
        var calls = silo.StandIn.Calls.Skip(before).Where(c => c.Method == "freeBusy").Select(c => System.Text.Json.Nodes.JsonNode.Parse(c.Body!)!).ToArray();
        Assert.Equal(2 * 2, calls.Length);
        Assert.All(calls, c => Assert.InRange(c["items"]!.AsArray().Count, 10, 50));
    }

    [Fact]
    public async Task GetBusy_Google429WithRetryAfter_WaitsOnTheClockThenAnswers()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var participant = await silo.ConnectInterviewerAsync("i1");
        await silo.StandIn.AddEventAsync("primary", "e1", LaterWeek.Start.AddHours(2), LaterWeek.Start.AddHours(3));
        silo.StandIn.Fail(1, System.Net.HttpStatusCode.TooManyRequests, "rateLimitExceeded", retryAfterSeconds: 5);
        var before = silo.StandIn.Calls.Count;

        var pending = participant.GetBusy(LaterWeek);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Calls.Skip(before).Count(c => c.Method == "freeBusy") == 1));
        await Task.Delay(100);
        Assert.False(pending.IsCompleted);
        silo.Time.Advance(TimeSpan.FromSeconds(5));
        var busy = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(busy.Intervals);
        Assert.False(busy.Stale);
        var calls = silo.StandIn.Calls.Skip(before).Where(c => c.Method == "freeBusy").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(TimeSpan.FromSeconds(5), calls[1].At - calls[0].At);
    }

    [Fact]
    public async Task UpsertProfile_GoogleCalendarRemoved_AccountForgetsTheReader()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var participant = await silo.ConnectInterviewerAsync("i1");
        await participant.GetBusy(Week);
        Assert.Equal(["acme/i1"], (await silo.AccountGrain.GetView()).Readers);

        await participant.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer));

        Assert.Empty((await silo.AccountGrain.GetView()).Readers);
    }

    [Fact]
    public async Task UpsertProfile_AccountIdWithSlashOrTooLong_RefusedNamingTheField()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        var participant = silo.Grains.Participant("i1");
        ParticipantProfile With(string accountId) => GrainTestCluster.Profile(ParticipantKind.Interviewer) with { Calendars = [new CalendarSpec("google") { AccountId = accountId }] };

        var slash = await Assert.ThrowsAsync<ArgumentException>(() => participant.UpsertProfile(With("a/b")));
        var longId = await Assert.ThrowsAsync<ArgumentException>(() => participant.UpsertProfile(With(new string('a', CalendarAccountKeys.MaxAccountIdLength + 1))));

        Assert.Equal("calendars[0].accountId", slash.ParamName);
        Assert.Equal("calendars[0].accountId", longId.ParamName);
        Assert.Null(await participant.GetProfile());
    }

    private protected override async Task<ProviderSilo> StartSiloAsync() => await GoogleSilo.StartAsync();

    private sealed class ViewComparer : IEqualityComparer<CalendarAccountView>
    {
        public bool Equals(CalendarAccountView? x, CalendarAccountView? y) =>
            x is not null && y is not null && x.Channels.SequenceEqual(y.Channels) && x.Readers.SequenceEqual(y.Readers)
            && x.SyncedCalendars.SequenceEqual(y.SyncedCalendars) && x.FullSyncs == y.FullSyncs && x.AccessTokenExpiresAt == y.AccessTokenExpiresAt;

        public int GetHashCode(CalendarAccountView obj) => obj.Channels.Count;
    }
}
