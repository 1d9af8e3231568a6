namespace Scheduler.Grains.Tests.Calendars;

public sealed class ParticipantCalendarTests
{
    private static readonly TimeRange March4 = new(new DateTimeOffset(2019, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 5, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetBusy_IcsCalendar_ShowsCalendarIntervals()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", FixtureFolder.Read("one_event.ics"));
        await using var host = await CalendarSilo.StartAsync();
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });

        var busy = await participant.GetBusy(March4);

        var interval = Assert.Single(busy.Intervals);
        Assert.Equal(BusySourceKind.Calendar, interval.Source);
        Assert.Equal(new DateTimeOffset(2019, 3, 4, 7, 0, 0, TimeSpan.Zero), interval.Start);
        Assert.Equal(new DateTimeOffset(2019, 3, 4, 7, 30, 0, TimeSpan.Zero), interval.End);
        Assert.Equal(Assert.Single(busy.Calendars).Calendar, interval.Calendar);
        Assert.StartsWith("http://127.0.0.1:", interval.Calendar, StringComparison.Ordinal);
        Assert.False(busy.Stale);
        Assert.Equal(host.Time.GetUtcNow(), busy.FetchedAt);
    }

    [Fact]
    public async Task GetBusy_FeedBreaksAfterGoodRead_KeepsLastGoodDataAndIsStale()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", FixtureFolder.Read("one_event.ics"));
        await using var host = await CalendarSilo.StartAsync();
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });
        var good = await participant.GetBusy(March4);

        server.Set("i1.ics", "BEGIN:VCALENDAR\r\nthis feed was cut off");
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        var afterFailure = await participant.GetBusy(March4);

        Assert.True(afterFailure.Stale);
        Assert.Equal(good.Intervals, afterFailure.Intervals);
        Assert.Equal(good.FetchedAt, afterFailure.FetchedAt);
        Assert.Equal(2, server.Requests.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task GetBusy_StaleFeedChanged_RefreshesOnNextQuery()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", FixtureFolder.Read("one_event.ics"));
        await using var host = await CalendarSilo.StartAsync();
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });
        Assert.Single((await participant.GetBusy(March4)).Intervals);

        server.Set("i1.ics", FixtureFolder.Read("three_events.ics"));
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        var busy = await participant.GetBusy(new TimeRange(March4.Start.AddDays(-1), March4.End.AddDays(7)));

        Assert.Equal(3, busy.Intervals.Count);
        Assert.All(busy.Intervals, i => Assert.Equal(BusySourceKind.Calendar, i.Source));
        Assert.False(busy.Stale);
    }

    [Fact]
    public async Task Refresh_EventOverAHeldInterval_HoldDroppedAndTheConfirmationRefused()
    {
        await using var server = await FeedServer.StartAsync("i1.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Scheduler tests//EN\r\nEND:VCALENDAR\r\n");
        await using var host = await CalendarSilo.StartAsync();
        var participant = await host.AddReaderAsync("i1", new CalendarSpec("ics") { Url = server.Url("i1.ics") });
        Assert.Empty((await participant.GetBusy(March4)).Intervals);
        var hold = new HoldRequest("acme/r1", [new TimeRange(new DateTimeOffset(2019, 3, 4, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 4, 8, 0, 0, TimeSpan.Zero))], TimeSpan.FromMinutes(30), true);
        Assert.True((await participant.TryHold(hold)).Granted);

        // An event is added over the held hour; the next read of the feed finds it while the hold is still live.
        server.Set("i1.ics", FixtureFolder.Read("one_event.ics"));
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        var busy = await participant.GetBusy(March4);

        Assert.Equal(BusySourceKind.Calendar, Assert.Single(busy.Intervals).Source);
        Assert.Empty(await participant.ListHolds());
        var confirmed = await participant.ConfirmHold(hold);
        Assert.False(confirmed.Granted);
        Assert.Equal(HoldRefusal.Busy, confirmed.Refusal);
        Assert.Empty(await participant.ListBookings());
    }
}
