using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class GraphClientTests
{
    private static readonly DateTimeOffset T0 = GrainTestCluster.Start;

    [Fact]
    public async Task GetSchedule_45MailboxesOver130Days_ChunkedWithinLimitsAndMerged()
    {
        await using var services = await GraphClientServices.StartAsync();
        var mailboxes = Enumerable.Range(0, 45).Select(i => $"u{i}@contoso.example").ToArray();
        var token = services.AccessTokenFor(mailboxes);

        // One event spans the boundary between the first and second 61-day pieces; one is in the last piece.
        var boundary = T0.AddDays(61);
        await services.StandIn.AddEventAsync("u3@contoso.example", boundary.AddHours(-1), boundary.AddHours(2));
        await services.StandIn.AddEventAsync("u44@contoso.example", T0.AddDays(125), T0.AddDays(125).AddMinutes(30));

        var (busy, errors) = await services.Graph.GetScheduleAsync(token, mailboxes, new TimeRange(T0, T0.AddDays(130)), CancellationToken.None);

        var calls = services.StandIn.Calls.Where(c => c.Operation == "getSchedule").ToArray();
        Assert.Equal(9, calls.Length);
        Assert.All(calls, c => Assert.InRange(c.Schedules, 1, 20));
        Assert.All(calls, c => Assert.True(c.Range < TimeSpan.FromDays(62)));
        Assert.Empty(errors);
        Assert.Equal(45, busy.Count);
        Assert.Equal([new TimeRange(boundary.AddHours(-1), boundary.AddHours(2))], busy["u3@contoso.example"]);
        Assert.Equal([new TimeRange(T0.AddDays(125), T0.AddDays(125).AddMinutes(30))], busy["u44@contoso.example"]);
        Assert.Empty(busy["u0@contoso.example"]);
    }

    [Fact]
    public async Task GetSchedule_UnknownMailbox_PerScheduleError()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("a@contoso.example");

        var (busy, errors) = await services.Graph.GetScheduleAsync(token, ["a@contoso.example", "ghost@contoso.example"], new TimeRange(T0, T0.AddDays(1)), CancellationToken.None);

        Assert.Equal("ErrorMailboxNotFound", errors["ghost@contoso.example"]);
        Assert.True(busy.ContainsKey("a@contoso.example"));
        Assert.False(busy.ContainsKey("ghost@contoso.example"));
    }

    [Theory]
    [InlineData("Pacific Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Asia/Kolkata")]
    public async Task GetSchedule_ResponseInAnotherZone_ConvertedExactly(string zone)
    {
        await using var services = await GraphClientServices.StartAsync(configure: o => o.ResponseTimeZone = zone);
        var token = services.AccessTokenFor("a@contoso.example");

        // 2026-03-08 is the US daylight-saving change; 2026-03-29 the European one.
        var us = new DateTimeOffset(2026, 3, 8, 9, 30, 0, TimeSpan.Zero);
        var eu = new DateTimeOffset(2026, 3, 29, 0, 45, 0, TimeSpan.Zero);
        await services.StandIn.AddEventAsync("a@contoso.example", us, us.AddHours(1));
        await services.StandIn.AddEventAsync("a@contoso.example", eu, eu.AddHours(2));

        var (busy, _) = await services.Graph.GetScheduleAsync(token, ["a@contoso.example"], new TimeRange(us.AddDays(-1), eu.AddDays(1)), CancellationToken.None);

        Assert.Equal([new TimeRange(us, us.AddHours(1)), new TimeRange(eu, eu.AddHours(2))], busy["a@contoso.example"]);
    }

    [Fact]
    public async Task StandIn_RefusesOver20SchedulesAnd62Days_AsGraphDoes()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.StandIn.IssueCredentials().AccessToken;
        using var http = new HttpClient();

        async Task<(HttpStatusCode, string?)> Ask(int schedules, int days)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(services.StandIn.GraphBaseUrl, "users/a@contoso.example/calendar/getSchedule"));
            request.Headers.Authorization = new("Bearer", token);
            request.Content = JsonContent.Create(new JsonObject
            {
                ["schedules"] = new JsonArray([.. Enumerable.Range(0, schedules).Select(i => (JsonNode)JsonValue.Create($"u{i}@contoso.example"))]),
                ["startTime"] = new JsonObject { ["dateTime"] = "2026-01-01T00:00:00", ["timeZone"] = "UTC" },
                ["endTime"] = new JsonObject { ["dateTime"] = GraphDateTime.FormatUtc(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(days)), ["timeZone"] = "UTC" },
            });
            using var response = await http.SendAsync(request);
            return (response.StatusCode, MicrosoftErrorsCode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "ErrorInvalidParameter"), await Ask(21, 1));
        Assert.Equal((HttpStatusCode.BadRequest, "ErrorInvalidTimeInterval"), await Ask(1, 62));
        Assert.Equal(HttpStatusCode.OK, (await Ask(20, 61)).Item1);
    }

    [Fact]
    public async Task CreateEvent_AnswerLostAndRetried_SameTransactionId_OneEventWithTeamsLink()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("org@contoso.example");
        var write = new MicrosoftEventWrite(MicrosoftEventIds.TransactionId("acme/r1/stage/0"), "Interview", new TimeRange(T0.AddHours(10), T0.AddHours(11)), ["cand@example.com"], Teams: true);

        // The first attempt takes effect but its answer is lost (503): the retry carries the same transactionId.
        services.StandIn.Fail(1, HttpStatusCode.ServiceUnavailable, "ServiceNotAvailable", afterHandling: true);
        var created = await services.Graph.CreateEventAsync(token, "org@contoso.example", write, CancellationToken.None);
        var again = await services.Graph.CreateEventAsync(token, "org@contoso.example", write, CancellationToken.None);

        Assert.Equal(3, services.StandIn.Calls.Count(c => c.Operation == "events.create"));
        var stored = Assert.Single(services.StandIn.Events("org@contoso.example"));
        Assert.Equal(stored.Id, created.Id);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(write.TransactionId, created.TransactionId);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", created.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(write.Range, created.Range);
        Assert.Equal(["cand@example.com"], stored.Attendees);
    }

    [Fact]
    public async Task UpdateAndCancelEvent_MoveThenCancel_CancelTwiceIsDone()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("org@contoso.example");
        var write = new MicrosoftEventWrite(MicrosoftEventIds.TransactionId("acme/r2/stage/0"), "Interview", new TimeRange(T0.AddHours(10), T0.AddHours(11)), [], Teams: false);
        var created = await services.Graph.CreateEventAsync(token, "org@contoso.example", write, CancellationToken.None);
        Assert.Null(created.JoinUrl);

        var moved = await services.Graph.UpdateEventAsync(token, "org@contoso.example", created.Id, write with { Range = new TimeRange(T0.AddHours(13), T0.AddHours(14)) }, CancellationToken.None);
        Assert.Equal(new TimeRange(T0.AddHours(13), T0.AddHours(14)), moved.Range);
        Assert.Equal(T0.AddHours(13), Assert.Single(services.StandIn.Events("org@contoso.example")).Start);

        await services.Graph.CancelEventAsync(token, "org@contoso.example", created.Id, "Moved elsewhere", CancellationToken.None);
        await services.Graph.CancelEventAsync(token, "org@contoso.example", created.Id, "Moved elsewhere", CancellationToken.None);
        Assert.Empty(services.StandIn.Events("org@contoso.example"));

        var gone = await Assert.ThrowsAsync<CalendarProviderException>(() => services.Graph.UpdateEventAsync(token, "org@contoso.example", created.Id, write, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task Throttled_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var services = await GraphClientServices.StartAsync(TimeProvider.System);
        var token = services.AccessTokenFor("a@contoso.example");
        services.StandIn.Fail(1, HttpStatusCode.TooManyRequests, "ApplicationThrottled", retryAfterSeconds: 1);
        services.StandIn.Fail(1, HttpStatusCode.ServiceUnavailable, "ServiceNotAvailable");
        var started = TimeProvider.System.GetTimestamp();

        var (busy, _) = await services.Graph.GetScheduleAsync(token, ["a@contoso.example"], new TimeRange(T0, T0.AddDays(1)), CancellationToken.None);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1));
        Assert.Equal(3, services.StandIn.Calls.Count(c => c.Operation == "getSchedule"));
        Assert.Empty(busy["a@contoso.example"]);
    }

    [Fact]
    public async Task Throttled_Persistently_FailsWith429AfterRetries()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("a@contoso.example");
        services.StandIn.Fail(10, HttpStatusCode.TooManyRequests, "ApplicationThrottled", retryAfterSeconds: 0);

        var refused = await Assert.ThrowsAsync<CalendarProviderException>(() => services.Graph.GetScheduleAsync(token, ["a@contoso.example"], new TimeRange(T0, T0.AddDays(1)), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("ApplicationThrottled", refused.Reason);
        Assert.Equal(4, services.StandIn.Calls.Count(c => c.Operation == "getSchedule"));
    }

    [Fact]
    public async Task ManyParallelCalls_OneMailbox_NeverMoreThanFourInFlight()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("busy@contoso.example", "other@contoso.example");
        services.StandIn.ResponseDelay = TimeSpan.FromMilliseconds(60);
        var range = new TimeRange(T0, T0.AddDays(1));

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => i % 4 == 3
            ? services.Graph.GetScheduleAsync(token, ["other@contoso.example"], range, CancellationToken.None)
            : services.Graph.GetScheduleAsync(token, ["busy@contoso.example"], range, CancellationToken.None)));

        Assert.Equal(4, services.StandIn.MaxConcurrent("busy@contoso.example"));
        Assert.InRange(services.StandIn.MaxConcurrent("other@contoso.example"), 1, 4);
    }

    [Fact]
    public async Task ConnectorEventWrites_UpsertIdempotentMovedThenDeleted()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("ivy@contoso.example");
        var connector = services.Connector;
        var id = connector.EventId("acme/r1", "acme/ivy", 0);
        var first = new TimeRange(T0, T0.AddHours(1));

        var upserted = await connector.UpsertEventAsync(token, "ivy@contoso.example", id, "Interview (r1)", first, "teams", null, CancellationToken.None);
        var graphId = upserted.Id;
        Assert.Equal(upserted, await connector.UpsertEventAsync(token, "ivy@contoso.example", id, "Interview (r1)", first, "teams", null, CancellationToken.None));
        var created = Assert.Single(services.StandIn.Events("ivy@contoso.example"), e => !e.Removed);
        Assert.Equal(upserted, await connector.UpsertEventAsync(token, "ivy@contoso.example", id, "Interview (r1)", new TimeRange(T0.AddDays(1), T0.AddDays(1).AddHours(1)), "teams", null, CancellationToken.None));
        var moved = Assert.Single(services.StandIn.Events("ivy@contoso.example"), e => !e.Removed);
        await connector.DeleteEventAsync(token, "ivy@contoso.example", graphId, CancellationToken.None);
        await connector.DeleteEventAsync(token, "ivy@contoso.example", graphId, CancellationToken.None);

        Assert.Equal((T0, T0.AddHours(1), id), (created.Start, created.End, created.TransactionId));
        Assert.False(string.IsNullOrEmpty(created.JoinUrl));
        Assert.Equal(created.JoinUrl, upserted.ConferenceUrl); // the same meeting after the repeat and the move
        Assert.Equal((graphId, graphId, T0.AddDays(1)), (created.Id, moved.Id, moved.Start));
        Assert.DoesNotContain(services.StandIn.Events("ivy@contoso.example"), e => !e.Removed);
        Assert.Equal(connector.EventId("acme/r1", "acme/ivy", 0), id);
        Assert.NotEqual(connector.EventId("acme/r1", "acme/ivy", 1), id);
    }

    [Fact]
    public async Task Delta_PagesThenDeltaLink_ExpiredTokenIs410()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("a@contoso.example");
        for (var i = 0; i < 5; i++)
        {
            await services.StandIn.AddEventAsync("a@contoso.example", T0.AddHours(i), T0.AddHours(i).AddMinutes(30));
        }

        var (all, link) = await services.Graph.DeltaAsync(token, "a@contoso.example", null, CancellationToken.None);
        Assert.Equal(5, all.Count);
        Assert.Equal(new TimeRange(T0, T0.AddMinutes(30)), all.OrderBy(c => c.Busy!.Start).First().Busy);
        await services.StandIn.AddEventAsync("a@contoso.example", T0.AddDays(2), T0.AddDays(2).AddHours(1));
        var (changed, next) = await services.Graph.DeltaAsync(token, "a@contoso.example", link, CancellationToken.None);
        Assert.Equal(new TimeRange(T0.AddDays(2), T0.AddDays(2).AddHours(1)), Assert.Single(changed).Busy);

        services.StandIn.ExpireDeltaTokens();
        var expired = await Assert.ThrowsAsync<CalendarProviderException>(() => services.Graph.DeltaAsync(token, "a@contoso.example", next, CancellationToken.None));
        Assert.True(expired.SyncTokenExpired);
        await Assert.ThrowsAsync<CalendarProviderException>(() => services.Graph.DeltaAsync(token, "a@contoso.example", "https://elsewhere.example/v1.0/delta", CancellationToken.None));
    }

    [Fact]
    public async Task Delta_AllDayEvents_WholeDaysInTheEventsOwnZone()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("la@contoso.example", "berlin@contoso.example");
        await services.StandIn.AddAllDayEventAsync("la@contoso.example", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11), "Pacific Standard Time");
        await services.StandIn.AddAllDayEventAsync("la@contoso.example", new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9), "Pacific Standard Time");
        await services.StandIn.AddAllDayEventAsync("berlin@contoso.example", new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30), "Europe/Berlin");

        var (la, _) = await services.Graph.DeltaAsync(token, "la@contoso.example", null, CancellationToken.None);
        var (berlin, _) = await services.Graph.DeltaAsync(token, "berlin@contoso.example", null, CancellationToken.None);
        var (busy, _) = await services.Graph.GetScheduleAsync(token, ["la@contoso.example", "berlin@contoso.example"], new TimeRange(T0, T0.AddDays(90)), CancellationToken.None);

        // Graph gives them as 00:00 to 00:00 "UTC"; they are midnight to midnight where they were made: PDT is UTC-7 on
        // 10 March 2026; 8 March (PST to PDT) and Berlin's 29 March (CET to CEST) have 23 hours. getSchedule agrees.
        TimeRange Utc(int startDay, int startHour, int endDay, int endHour) =>
            new(new DateTimeOffset(2026, 3, startDay, startHour, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, endDay, endHour, 0, 0, TimeSpan.Zero));
        Assert.Equal([Utc(8, 8, 9, 7), Utc(10, 7, 11, 7)], la.Select(c => c.Busy).OrderBy(b => b!.Start));
        Assert.Equal([Utc(28, 23, 29, 22)], berlin.Select(c => c.Busy));
        Assert.Equal(busy["la@contoso.example"], la.Select(c => c.Busy!).OrderBy(b => b.Start));
        Assert.Equal(busy["berlin@contoso.example"], berlin.Select(c => c.Busy!));
    }

    [Fact]
    public async Task Subscribe_EndpointDoesNotEchoValidationToken_Refused()
    {
        await using var services = await GraphClientServices.StartAsync();
        var token = services.AccessTokenFor("a@contoso.example");
        services.StandIn.PushClient = new HttpClient(new SilentEndpoint());

        var refused = await Assert.ThrowsAsync<CalendarProviderException>(() =>
            services.Graph.SubscribeAsync(token, "a@contoso.example", ChannelTokens.NewChannelId(), ChannelTokens.NewToken("acme/microsoft/contoso"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("ValidationError", refused.Reason);
        Assert.Empty(services.StandIn.Subscriptions);
    }

    [Fact]
    public async Task OAuth_CodeWithPkce_RefreshRotates_AppOnlyRenews()
    {
        await using var services = await GraphClientServices.StartAsync();
        var verifier = Scheduler.Grains.Calendars.Providers.Pkce.NewVerifier();
        var consent = services.OAuth.ConsentUrl("state-1", verifier, "grace@contoso.example");
        Assert.StartsWith(new Uri(services.StandIn.AuthorityHost, $"{GraphStandIn.Tenant}/oauth2/v2.0/authorize").AbsoluteUri, consent.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", consent.Query, StringComparison.Ordinal);

        var code = services.StandIn.IssueCode(Scheduler.Grains.Calendars.Providers.Pkce.Challenge(verifier));
        var delegated = await services.OAuth.ExchangeCodeAsync(code, verifier, CancellationToken.None);
        Assert.NotNull(delegated.RefreshToken);
        Assert.Equal(T0.AddHours(1), delegated.ExpiresAt);
        var reused = await Assert.ThrowsAsync<CalendarProviderException>(() => services.OAuth.ExchangeCodeAsync(code, verifier, CancellationToken.None));
        Assert.Equal("invalid_grant", reused.Reason);

        var refreshed = await services.OAuth.RefreshAsync(delegated, CancellationToken.None);
        Assert.NotEqual(delegated.RefreshToken, refreshed.RefreshToken);
        Assert.Equal("invalid_grant", (await Assert.ThrowsAsync<CalendarProviderException>(() => services.OAuth.RefreshAsync(delegated, CancellationToken.None))).Reason);

        var app = await services.OAuth.AppOnlyAsync(CancellationToken.None);
        Assert.Null(app.RefreshToken);
        Assert.Equal(MicrosoftOAuthClient.AppOnlyScope, app.Scope);
        var renewedApp = await services.OAuth.RefreshAsync(app, CancellationToken.None);
        Assert.NotEqual(app.AccessToken, renewedApp.AccessToken);
        Assert.Equal(MicrosoftOAuthClient.AppOnlyScope, renewedApp.Scope);
    }

    private static string? MicrosoftErrorsCode(string body) => JsonNode.Parse(body)?["error"]?["code"]?.GetValue<string>();

    private sealed class SilentEndpoint : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted));
    }
}
