using System.Globalization;
using System.Text.Json.Nodes;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleCalendarClientTests
{
    private static readonly DateTimeOffset T0 = GrainTestCluster.Start;

    [Fact]
    public async Task QueryFreeBusy_120CalendarsOver200Days_SplitsWithinGoogleLimitsAndMerges()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var ids = Enumerable.Range(0, 120).Select(i => $"room{i}@example.com").ToArray();
        var access = google.AccessTokenFor(ids);

        // An event across the 90-day boundary of the split comes back in two pieces and must be merged.
        var boundary = T0 + GoogleCalendarClient.MaxFreeBusyRange;
        await google.StandIn.AddEventAsync("room7@example.com", "a", boundary.AddHours(-1), boundary.AddHours(1));
        await google.StandIn.AddEventAsync("room77@example.com", "b", T0.AddDays(150), T0.AddDays(150).AddHours(2));
        await google.StandIn.AddEventAsync("room119@example.com", "c", T0.AddDays(1), T0.AddDays(1).AddHours(1));

        var (busy, errors) = await google.Calendar.QueryFreeBusyAsync(access, ids, new TimeRange(T0, T0.AddDays(200)), CancellationToken.None);

        var calls = google.StandIn.Calls.Where(c => c.Method == "freeBusy").Select(c => JsonNode.Parse(c.Body!)!).ToArray();
        Assert.Equal(3 * 3, calls.Length);
        Assert.All(calls, call =>
        {
            Assert.InRange(call["items"]!.AsArray().Count, 1, 50);
            var span = DateTimeOffset.Parse(call["timeMax"]!.GetValue<string>(), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(call["timeMin"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            Assert.True(span <= TimeSpan.FromDays(90), $"a call spans {span}");
        });
        Assert.Empty(errors);
        Assert.Equal(120, busy.Count);
        Assert.Equal([new TimeRange(boundary.AddHours(-1), boundary.AddHours(1))], busy["room7@example.com"]);
        Assert.Equal([new TimeRange(T0.AddDays(150), T0.AddDays(150).AddHours(2))], busy["room77@example.com"]);
        Assert.Equal([new TimeRange(T0.AddDays(1), T0.AddDays(1).AddHours(1))], busy["room119@example.com"]);
        Assert.Empty(busy["room0@example.com"]);
    }

    [Fact]
    public async Task StandIn_FreeBusyOverLimits_RefusedLikeGoogle()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.StandIn.IssueCredentials().AccessToken;
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", access);
        JsonObject Body(int items, int days) => new()
        {
            ["timeMin"] = GoogleCalendarClient.Rfc3339(T0),
            ["timeMax"] = GoogleCalendarClient.Rfc3339(T0.AddDays(days)),
            ["items"] = new JsonArray([.. Enumerable.Range(0, items).Select(i => (JsonNode)new JsonObject { ["id"] = $"c{i}" })]),
        };

        using var tooMany = await client.PostAsync(new Uri(google.StandIn.ApiBaseUrl, "freeBusy"), new StringContent(Body(51, 1).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        using var tooLong = await client.PostAsync(new Uri(google.StandIn.ApiBaseUrl, "freeBusy"), new StringContent(Body(1, 91).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("tooManyCalendarsRequested", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task QueryFreeBusy_UnknownCalendar_ReportsItsErrorAndReadsTheOthers()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("known");
        await google.StandIn.AddEventAsync("known", "a", T0.AddHours(1), T0.AddHours(2));

        var (busy, errors) = await google.Calendar.QueryFreeBusyAsync(access, ["known", "missing"], new TimeRange(T0, T0.AddDays(1)), CancellationToken.None);

        Assert.Equal("notFound", errors["missing"]);
        Assert.Single(busy["known"]);
        Assert.False(busy.ContainsKey("missing"));
    }

    [Fact]
    public async Task QueryFreeBusy_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var google = await GoogleClientServices.StartAsync(TimeProvider.System, o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
        var access = google.AccessTokenFor("primary");
        google.StandIn.Fail(1, HttpStatusCode.TooManyRequests, "rateLimitExceeded", retryAfterSeconds: 1);
        var started = TimeProvider.System.GetTimestamp();

        var (busy, _) = await QueryPrimaryFirstDayAsync(google, access);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.95), "the Retry-After delay was not honoured");
        Assert.Empty(busy["primary"]);
        Assert.Equal(2, google.StandIn.Calls.Count(c => c.Method == "freeBusy"));
    }

    [Fact]
    public async Task QueryFreeBusy_RetryAfterLongerThanTheLimit_NotWaitedForAndFailsWith429()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        google.StandIn.Fail(1, HttpStatusCode.TooManyRequests, "rateLimitExceeded", retryAfterSeconds: 3600);

        var refused = await Assert.ThrowsAsync<CalendarProviderException>(() => QueryPrimaryFirstDayAsync(google, access));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Single(google.StandIn.Calls, c => c.Method == "freeBusy");
    }

    [Fact]
    public async Task QueryFreeBusy_403RateLimitExceeded_RetriedWithBackoff()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        google.StandIn.Fail(2, HttpStatusCode.Forbidden, "userRateLimitExceeded");

        await QueryPrimaryFirstDayAsync(google, access);

        Assert.Equal(3, google.StandIn.Calls.Count(c => c.Method == "freeBusy"));
    }

    [Fact]
    public async Task QueryFreeBusy_403OtherReasonOrRetriesExhausted_ThrowsTypedError()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        google.StandIn.Fail(1, HttpStatusCode.Forbidden, "forbidden");

        var forbidden = await Assert.ThrowsAsync<CalendarProviderException>(() => QueryPrimaryFirstDayAsync(google, access));
        google.StandIn.Fail(3, HttpStatusCode.TooManyRequests, "rateLimitExceeded");
        var limited = await Assert.ThrowsAsync<CalendarProviderException>(() => QueryPrimaryFirstDayAsync(google, access));

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (forbidden.Status, forbidden.Reason));
        Assert.Equal((HttpStatusCode.TooManyRequests, "rateLimitExceeded"), (limited.Status, limited.Reason));
        Assert.Equal(1 + 3, google.StandIn.Calls.Count(c => c.Method == "freeBusy"));
    }

    [Fact]
    public async Task QueryFreeBusy_ExpiredAccessToken_Unauthorized()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        google.StandIn.ExpireAccessTokens();

        var error = await Assert.ThrowsAsync<CalendarProviderException>(() => QueryPrimaryFirstDayAsync(google, access));

        Assert.True(error.Unauthorized);
    }

    [Fact]
    public async Task ListChanges_AllDayEvents_WholeDaysInTheCalendarsZone()
    {
        await using var google = await GoogleClientServices.StartAsync();
        google.StandIn.AddCalendar("la", "America/Los_Angeles");
        google.StandIn.AddCalendar("berlin", "Europe/Berlin");
        var access = google.AccessTokenFor("la");
        await google.StandIn.AddAllDayEventAsync("la", "off", new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 7));
        await google.StandIn.AddAllDayEventAsync("berlin", "dst", new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30));

        var (la, _) = await google.Calendar.ListChangesAsync(access, "la", null, CancellationToken.None);
        var (berlin, _) = await google.Calendar.ListChangesAsync(access, "berlin", null, CancellationToken.None);

        // Midnight to midnight where the calendar is: PST is UTC-8; Berlin's 29 March 2026 has 23 hours (CET to CEST).
        Assert.Equal([new CalendarEventChange("off", new TimeRange(new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 7, 8, 0, 0, TimeSpan.Zero)), "off@google.com")], la);
        Assert.Equal([new CalendarEventChange("dst", new TimeRange(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)), "dst@google.com")], berlin);
    }

    [Fact]
    public async Task ListChanges_FullThenIncremental_PagesAndReturnsOnlyChanges()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        for (var i = 0; i < 7; i++)
        {
            await google.StandIn.AddEventAsync("primary", $"e{i}", T0.AddHours(i), T0.AddHours(i).AddMinutes(30));
        }

        var (full, token) = await google.Calendar.ListChangesAsync(access, "primary", null, CancellationToken.None);
        await google.StandIn.AddEventAsync("primary", "e7", T0.AddDays(1), T0.AddDays(1).AddHours(1));
        await google.Calendar.DeleteEventAsync(access, "primary", "e0", CancellationToken.None);
        var (incremental, next) = await google.Calendar.ListChangesAsync(access, "primary", token, CancellationToken.None);

        Assert.Equal(7, full.Count);
        Assert.Equal(3, google.StandIn.Calls.Count(c => c.Method == "events.list" && c.Query!.Contains("syncToken", StringComparison.Ordinal) is false));
        Assert.Equal(
            [new CalendarEventChange("e7", new TimeRange(T0.AddDays(1), T0.AddDays(1).AddHours(1)), "e7@google.com"), new CalendarEventChange("e0", null)],
            incremental);
        Assert.NotEqual(token, next);
    }

    [Fact]
    public async Task ListChanges_ExpiredSyncToken_Gone()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var (_, token) = await google.Calendar.ListChangesAsync(access, "primary", null, CancellationToken.None);
        google.StandIn.ExpireSyncTokens();

        var error = await Assert.ThrowsAsync<CalendarProviderException>(() => google.Calendar.ListChangesAsync(access, "primary", token, CancellationToken.None));

        Assert.True(error.SyncTokenExpired);
        Assert.Equal("fullSyncRequired", error.Reason);
    }

    [Fact]
    public async Task ListChanges_WeeklySeriesAdded_EveryInstanceBusyUnderTheSeriesUid()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var (_, token) = await google.Calendar.ListChangesAsync(access, "primary", null, CancellationToken.None);

        // Tuesdays 14:00–15:00 New York time (19:00Z in winter) from 6 January 2026, four times.
        var first = new DateTimeOffset(2026, 1, 6, 19, 0, 0, TimeSpan.Zero);
        await google.StandIn.AddRecurringEventAsync("primary", "weekly", first, first.AddHours(1), "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4");
        var (changes, next) = await google.Calendar.ListChangesAsync(access, "primary", token, CancellationToken.None);

        // Not only the first Tuesday: a booking on the second one (13 January) is overlapped too.
        var instances = Enumerable.Range(0, 4).Select(week => first.AddDays(7 * week)).ToArray();
        Assert.Equal(
            [.. instances.Select(start => new CalendarEventChange("weekly_" + start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), new TimeRange(start, start.AddHours(1)), "weekly@google.com"))],
            changes);
        Assert.Contains(changes, c => c.Busy!.Overlaps(new TimeRange(instances[1].AddMinutes(30), instances[1].AddHours(2))));
        Assert.All(google.StandIn.Calls.Where(c => c.Method == "events.list"), c => Assert.Contains("singleEvents=true", c.Query, StringComparison.Ordinal));
        Assert.StartsWith(GoogleCalendarClient.SingleEventsTokenPrefix, next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListChanges_WeeklySeriesDeleted_EveryInstanceCancelled()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var first = T0.AddDays(1);
        await google.StandIn.AddRecurringEventAsync("primary", "weekly", first, first.AddHours(1), "RRULE:FREQ=WEEKLY;COUNT=3");
        var (full, token) = await google.Calendar.ListChangesAsync(access, "primary", null, CancellationToken.None);

        await google.Calendar.DeleteEventAsync(access, "primary", "weekly", CancellationToken.None);
        var (changes, _) = await google.Calendar.ListChangesAsync(access, "primary", token, CancellationToken.None);

        Assert.Equal(3, full.Count);
        Assert.Equal([.. full.Select(c => new CalendarEventChange(c.EventId, null))], changes);
    }

    [Fact]
    public async Task ListChanges_TokenTakenWithoutSingleEvents_GoneWithoutSendingIt()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", access);
        var list = JsonNode.Parse(await client.GetStringAsync(new Uri(google.StandIn.ApiBaseUrl, "calendars/primary/events")))!;
        var stored = list["nextSyncToken"]!.GetValue<string>();

        // A token stored before the list asked for single events: its answer with them would be undefined, so none is asked.
        var error = await Assert.ThrowsAsync<CalendarProviderException>(() => google.Calendar.ListChangesAsync(access, "primary", stored, CancellationToken.None));

        Assert.True(error.SyncTokenExpired);
        Assert.DoesNotContain(google.StandIn.Calls, c => c.Query!.Contains("syncToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsertEvent_RepeatedAfterLostAnswer_OneEventWithMeetLink()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var id = GoogleEventIds.For("acme/r1", "screen");
        var write = new GoogleEventWrite(id, "Interview", T0.AddDays(1), T0.AddDays(1).AddHours(1)) { GoogleMeet = true, AttendeeEmails = ["grace@example.com"] };

        var first = await google.Calendar.InsertEventAsync(access, "primary", write, CancellationToken.None);
        var retried = await google.Calendar.InsertEventAsync(access, "primary", write with { Summary = "Interview (retried)" }, CancellationToken.None);

        var stored = Assert.Single(google.StandIn.Events("primary"));
        Assert.Equal(id, stored.Id);
        Assert.Equal("Interview (retried)", stored.Summary);
        Assert.StartsWith("https://meet.google.com/", first.MeetLink, StringComparison.Ordinal);
        Assert.Equal(first.MeetLink, retried.MeetLink);
        Assert.Contains(google.StandIn.Calls, c => c.Method == "events.insert" && c.Query!.Contains("conferenceDataVersion=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsertEvent_ExistingEventWithoutMeetingThenWithGoogleMeet_ThePatchAddsOne()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var id = GoogleEventIds.For("acme/r3", "screen");
        var write = new GoogleEventWrite(id, "Interview", T0.AddDays(1), T0.AddDays(1).AddHours(1));

        var plain = await google.Calendar.InsertEventAsync(access, "primary", write, CancellationToken.None);
        var hosted = await google.Calendar.InsertEventAsync(access, "primary", write with { GoogleMeet = true }, CancellationToken.None);
        var again = await google.Calendar.PatchEventAsync(access, "primary", write with { GoogleMeet = true, Summary = "Interview (moved)" }, CancellationToken.None);

        Assert.Null(plain.MeetLink);
        Assert.StartsWith("https://meet.google.com/", hosted.MeetLink, StringComparison.Ordinal);
        Assert.Equal(hosted.MeetLink, again.MeetLink); // the create request repeats the event's id: the meeting stays
        Assert.Equal(hosted.MeetLink, Assert.Single(google.StandIn.Events("primary")).HangoutLink);
    }

    [Fact]
    public async Task DeleteEvent_Twice_SecondIsANoOp()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var access = google.AccessTokenFor("primary");
        var id = GoogleEventIds.For("acme/r2", "screen");
        await google.Calendar.InsertEventAsync(access, "primary", new GoogleEventWrite(id, "Interview", T0, T0.AddHours(1)), CancellationToken.None);

        await google.Calendar.DeleteEventAsync(access, "primary", id, CancellationToken.None);
        await google.Calendar.DeleteEventAsync(access, "primary", id, CancellationToken.None);

        Assert.Empty(google.StandIn.Events("primary"));
    }

    [Fact]
    public void EventIds_SameInputs_SameValidBase32HexId()
    {
        var id = GoogleEventIds.For("acme/r1", "screen");

        Assert.Equal(id, GoogleEventIds.For("acme/r1", "screen"));
        Assert.NotEqual(id, GoogleEventIds.For("acme/r1", "onsite"));
        Assert.True(GoogleEventIds.IsValid(id));
        Assert.Equal(52, id.Length);
        Assert.False(GoogleEventIds.IsValid("has-dash"));
        Assert.False(GoogleEventIds.IsValid("wxyz0"));
    }

    /// <summary>Free/busy of the calendar <c>primary</c> over the day from <see cref="T0"/>.</summary>
    private static Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> QueryPrimaryFirstDayAsync(GoogleClientServices google, string access) =>
        google.Calendar.QueryFreeBusyAsync(access, ["primary"], new TimeRange(T0, T0.AddDays(1)), CancellationToken.None);
}
