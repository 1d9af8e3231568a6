using System.Diagnostics;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A participant whose calendar server hangs, refuses, answers slowly, answers garbage or serves an unbounded rule
/// still answers within a second from its last known data, says which calendar is stale and why, backs off before
/// asking the server again, and its requests still reach proposals or a booking. Waits are real time; freshness and
/// backoff run on the silo's fake clock.
/// </summary>
public sealed class SlowCalendarTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The fetch timeout of the tests in which a read hangs for its whole life.</summary>
    private static readonly TimeSpan HangingReadLimit = TimeSpan.FromMinutes(1);

    /// <summary>An answer faster than this did not wait for a read that hangs for <see cref="HangingReadLimit"/> (the margin is for a loaded machine).</summary>
    private static readonly TimeSpan NotBlocked = TimeSpan.FromSeconds(10);
    private static readonly TimeRange March4 = new(new DateTimeOffset(2019, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 5, 0, 0, 0, TimeSpan.Zero));

    private static Task<TestSiloHost> StartSiloAsync(TimeSpan? fetchTimeout = null) => CalendarSilo.StartAsync(options =>
    {
        options.AnswerWait = TimeSpan.FromMilliseconds(300);
        options.FirstReadWait = Second;
        options.FetchTimeout = fetchTimeout ?? FetchTimeout;
        options.FailureBackoff = TimeSpan.FromSeconds(5);
    });

    private static async Task<(T Value, TimeSpan Took)> TimedAsync<T>(Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var value = await call();
        return (value, watch.Elapsed);
    }

    /// <summary>Asks until the answer is fresh (the first read of a feed may take longer than the wait on a busy machine).</summary>
    private static Task<BusyView> FreshAsync(IParticipantGrain participant, TimeRange range) =>
        TestSiloHost.WaitForAsync(() => participant.GetBusy(range), busy => !busy.Stale);

    private static async Task<(TestSiloHost Host, IParticipantGrain Participant, BusyView Good)> ReadOnceAsync(FeedServer server, TimeSpan? fetchTimeout = null)
    {
        server.Set("i1.ics", FixtureFolder.Read("one_event.ics"));
        var host = await StartSiloAsync(fetchTimeout);
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });
        return (host, participant, await FreshAsync(participant, March4));
    }

    [Fact]
    public async Task FeedHangsAfterAGoodRead_EveryRouteAnswersFromTheLastGoodDataWithoutWaitingForTheRead()
    {
        await using var server = await FeedServer.StartAsync();
        var (host, participant, good) = await ReadOnceAsync(server, HangingReadLimit);
        await using var _ = host;
        Assert.Single(good.Intervals);
        server.Delay("i1.ics", Timeout.InfiniteTimeSpan);
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));

        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => TimedAsync(() => participant.GetBusy(March4))));
        var (profile, profileTook) = await TimedAsync(participant.GetProfile);
        var (availability, availabilityTook) = await TimedAsync(() => participant.GetAvailability(new AvailabilityQuery(March4, 30, 30)));

        // The read hangs for a minute; an answer that waited for it would take that long.
        Assert.All(burst, answer => Assert.True(answer.Took < NotBlocked, $"GetBusy took {answer.Took}"));
        Assert.True(profileTook < NotBlocked && availabilityTook < NotBlocked, $"GetProfile took {profileTook}, GetAvailability {availabilityTook}");
        Assert.NotNull(profile);
        Assert.NotNull(availability);
        var busy = burst[^1].Value;
        Assert.True(busy.Stale);
        Assert.Equal(good.Intervals, busy.Intervals);
        var calendar = Assert.Single(busy.Calendars);
        Assert.True(calendar.Stale);
        Assert.Equal(good.FetchedAt, calendar.LastReadAt);
        Assert.StartsWith("no answer yet", calendar.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedHangsAfterAGoodRead_ReadGivesUpAfterTheFetchTimeout_AnswersSayWhyFromTheLastGoodData()
    {
        await using var server = await FeedServer.StartAsync();
        var (host, participant, good) = await ReadOnceAsync(server);
        await using var _ = host;
        server.Delay("i1.ics", Timeout.InfiniteTimeSpan);
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));

        var afterTimeout = await TestSiloHost.WaitForAsync(() => participant.GetBusy(March4), busy => busy.Calendars[0].Reason == "no answer within 2 s");
        var later = await participant.GetBusy(March4);

        Assert.True(afterTimeout.Stale);
        Assert.Equal(good.Intervals, afterTimeout.Intervals);
        Assert.Equal(good.Intervals, later.Intervals);
        Assert.Equal(good.FetchedAt, later.FetchedAt);
        Assert.Equal("no answer within 2 s", later.Calendars[0].Reason);
    }

    [Fact]
    public async Task FeedHangsFromTheStart_RequestsStillReachProposedAndBookedNamingTheStaleCalendar()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", FixtureFolder.Read("one_event.ics"));
        server.Delay("i1.ics", Timeout.InfiniteTimeSpan);
        await using var host = await StartSiloAsync(HangingReadLimit);
        var interviewer = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });
        foreach (var candidate in new[] { "c1", "c2" })
        {
            await host.GrainFactory.Participant(candidate).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        }

        var (busy, took) = await TimedAsync(() => interviewer.GetBusy(new TimeRange(GrainTestCluster.Start, GrainTestCluster.Start.AddDays(7))));
        var proposed = await GrainTestCluster.SubmitAndWaitAsync(host.GrainFactory.Request("r1"), GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.Propose), GrainTestCluster.IsSettled);
        var booked = await GrainTestCluster.SubmitAndWaitAsync(host.GrainFactory.Request("r2"), GrainTestCluster.Spec("c2", ["i1"], SchedulingMode.AutoBook) with { ExternalId = "ext-r2" }, GrainTestCluster.IsSettled);

        Assert.True(took < NotBlocked, $"the first GetBusy took {took}");
        var calendar = Assert.Single(busy.Calendars);
        Assert.True(calendar.Stale);
        Assert.Null(calendar.LastReadAt);
        Assert.Equal(RequestStatus.Proposed, proposed.Status);
        Assert.All(proposed.Proposals, p => Assert.Contains(p.Reasons, r => r.Code == "staleCalendar" && r.Description.StartsWith("i1's ics calendar", StringComparison.Ordinal)));
        Assert.Equal(RequestStatus.Booked, booked.Status);
        Assert.Contains(booked.History, h => h.Reason is { } reason && reason.Contains("i1's ics calendar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedRefusesConnections_AnswersAtOnceAndSaysWhy()
    {
        await using var host = await StartSiloAsync();
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = $"http://127.0.0.1:{FreePort.Next()}/feeds/i1.ics" });

        var busy = await TestSiloHost.WaitForAsync(() => participant.GetBusy(March4), b => b.Calendars[0].Reason?.StartsWith("no answer yet", StringComparison.Ordinal) == false);
        var (again, took) = await TimedAsync(() => participant.GetBusy(March4));

        Assert.True(busy.Stale);
        Assert.Empty(busy.Intervals);
        Assert.Contains("refused", busy.Calendars[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(took < TimeSpan.FromMilliseconds(300), $"GetBusy took {took} while the read backs off");
        Assert.Equal(busy.Calendars, again.Calendars);
    }

    [Fact]
    public async Task FeedAnswersSlowly_StaleAtFirstThenFreshOnceTheReadCompletes()
    {
        await using var server = await FeedServer.StartAsync();
        var (host, participant, good) = await ReadOnceAsync(server);
        await using var _ = host;
        server.Set("i1.ics", FixtureFolder.Read("three_events.ics"));
        server.Delay("i1.ics", TimeSpan.FromSeconds(1.5));
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        var week = new TimeRange(March4.Start.AddDays(-1), March4.End.AddDays(7));

        var first = await participant.GetBusy(week);
        var fresh = await FreshAsync(participant, week);

        Assert.True(first.Stale, "The first answer waited for the slow read.");
        Assert.Equal(good.Intervals, first.Intervals);
        Assert.Equal(3, fresh.Intervals.Count);
        Assert.Null(Assert.Single(fresh.Calendars).Reason);
    }

    [Fact]
    public async Task FeedTurnsToGarbage_KeepsTheLastDataAndBacksOffDoublingBetweenReads()
    {
        await using var server = await FeedServer.StartAsync();
        var (host, participant, good) = await ReadOnceAsync(server);
        await using var _ = host;
        server.Set("i1.ics", "<html><body>Sign in to see this calendar</body></html>");
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));

        async Task<int> ReadsAfterAsync(TimeSpan advance)
        {
            host.Time.Advance(advance);
            await participant.GetBusy(March4);
            await Task.Delay(200);
            await participant.GetBusy(March4);
            return server.Requests.Count;
        }

        var busy = await TestSiloHost.WaitForAsync(() => participant.GetBusy(March4), b => b.Calendars[0].Reason?.Contains("not a valid iCalendar feed", StringComparison.Ordinal) == true);
        var afterFirstFailure = server.Requests.Count;
        var withinFirstBackoff = await ReadsAfterAsync(TimeSpan.FromSeconds(4));
        await ReadsAfterAsync(TimeSpan.FromSeconds(1));
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(server.Requests.Count == afterFirstFailure + 1));
        await participant.GetBusy(March4);
        var withinDoubledBackoff = await ReadsAfterAsync(TimeSpan.FromSeconds(9));
        var afterDoubledBackoff = await ReadsAfterAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(good.Intervals, busy.Intervals);
        Assert.True(busy.Stale);
        Assert.Equal(afterFirstFailure, withinFirstBackoff);
        Assert.Equal(afterFirstFailure + 1, withinDoubledBackoff);
        Assert.Equal(afterFirstFailure + 2, afterDoubledBackoff);
    }

    [Fact]
    public async Task FeedWithAnUnboundedRule_IsStaleWithTheReasonNotFree()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:flood\r\nDTSTART:20190301T000000Z\r\nDTEND:20190301T000001Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        // Expanding up to the limit takes a while on a busy machine; the read is given the time, so the reason is the rule's.
        await using var host = await StartSiloAsync(fetchTimeout: TimeSpan.FromMinutes(1));
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });

        var busy = await TestSiloHost.WaitForAsync(() => participant.GetBusy(March4), b => b.Calendars[0].Reason?.Contains("flood", StringComparison.Ordinal) == true, TimeSpan.FromMinutes(1));

        Assert.True(busy.Stale);
        Assert.Null(busy.Calendars[0].LastReadAt);
    }
}
