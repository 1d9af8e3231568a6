using Scheduler.Grains.Calendars.Network;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Tests.Calendars;

public sealed class IcsBusySourceTests
{
    private const string Participant = "acme/i1";

    // one_event.ics: 2019-03-04 08:00–08:30 Europe/Berlin; three_events.ics: 00:00–01:00 Berlin on 03-04, 03-07, 03-10.
    private static readonly TimeRange March2019 = new(new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 31, 0, 0, 0, TimeSpan.Zero));

    private static readonly TimeRange OneEvent = new(new DateTimeOffset(2019, 3, 4, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 4, 7, 30, 0, TimeSpan.Zero));

    private static BusySourceContext Context(string url, string zone = "UTC") =>
        new(Participant, new CalendarSpec("ics") { Url = url }, March2019) { TimeZone = zone };

    private static TimeRange[] Ranges(BusyFetch fetch) => [.. fetch.Intervals.Select(i => new TimeRange(i.Start, i.End))];

    [Fact]
    public async Task FetchAsync_FirstRead_ReturnsFeedBusyIntervals()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices();

        var fetch = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        Assert.Equal([OneEvent], Ranges(fetch));
        Assert.All(fetch.Intervals, i => Assert.Equal(BusySourceKind.Calendar, i.Source));
        Assert.Equal(services.Time.GetUtcNow(), fetch.FetchedAt);
        var request = Assert.Single(server.Requests);
        Assert.Equal((string.Empty, 200), (request.IfNoneMatch, request.Status));
    }

    [Fact]
    public async Task FetchAsync_StaleCopyUnchanged_RevalidatesWithIfNoneMatchAndKeepsData()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices();
        await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        services.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromSeconds(1));
        var second = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        Assert.Equal([OneEvent], Ranges(second));
        Assert.Equal(services.Time.GetUtcNow(), second.FetchedAt);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(server.ETagOf("cal.ics"), requests[1].IfNoneMatch);
        Assert.Equal(304, requests[1].Status);
    }

    [Fact]
    public async Task FetchAsync_FreshCopy_DoesNotAskTheServer()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices();
        var first = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        services.Time.Advance(CalendarServices.PollInterval - TimeSpan.FromSeconds(1));
        var second = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(first.FetchedAt, second.FetchedAt);
    }

    [Fact]
    public async Task FetchAsync_FeedChanged_ReturnsNewIntervals()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices();
        await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        server.Set("cal.ics", FixtureFolder.Read("three_events.ics"));
        services.Time.Advance(CalendarServices.PollInterval);
        var changed = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        TimeRange Day(int day) => new(new DateTimeOffset(2019, 3, day - 1, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, day, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal([Day(4), Day(7), Day(10)], Ranges(changed));
        Assert.Equal(200, server.Requests.Last().Status);
    }

    [Fact]
    public async Task FetchAsync_LastModifiedOnly_SendsIfModifiedSinceAndAccepts304()
    {
        await using var server = await FeedServer.StartAsync();
        var modified = new DateTimeOffset(2025, 12, 1, 8, 0, 0, TimeSpan.Zero);
        server.Set("cal.ics", FixtureFolder.Read("one_event.ics"), withETag: false, lastModified: modified);
        using var services = new CalendarServices();
        await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        services.Time.Advance(CalendarServices.PollInterval);
        var second = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        var revalidation = server.Requests.Last();
        Assert.Equal(modified, DateTimeOffset.Parse(revalidation.IfModifiedSince, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(304, revalidation.Status);
        Assert.Equal([OneEvent], Ranges(second));
    }

    [Fact]
    public async Task FetchAsync_BrokenFeed_FailsAndKeepsLastGoodCopy()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices();
        var url = server.Url("cal.ics");
        var good = await services.Ics.FetchAsync(Context(url), CancellationToken.None);

        server.Set("cal.ics", "<html><body>Sign in to see this calendar</body></html>");
        services.Time.Advance(CalendarServices.PollInterval);
        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.Ics.FetchAsync(Context(url), CancellationToken.None));

        Assert.Contains("not a valid iCalendar feed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/feeds/cal.ics", error.Message, StringComparison.Ordinal);
        Assert.Equal(good.FetchedAt, services.Ics.GetSnapshot(url)!.FetchedAt);
    }

    [Fact]
    public async Task FetchAsync_ServerError_RetriesThenReportsStatus()
    {
        await using var server = await FeedServer.StartAsync();
        server.Set("cal.ics", "unavailable", status: 503);
        using var services = new CalendarServices(o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None));

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Null(services.Ics.GetSnapshot(server.Url("cal.ics")));
    }

    [Fact]
    public async Task FetchAsync_FeedOnLoopbackWithPrivateNetworksOff_RefusedWithoutConnecting()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", FixtureFolder.Read("one_event.ics"));
        using var services = new CalendarServices(o => o.AllowPrivateNetworks = false);

        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None));

        Assert.Contains(CalendarNetworkGuard.RefusedReason, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_SeriesBeyondTheExpansionLimit_FailsWithTheReasonInsteadOfReadingAsFree()
    {
        await using var server = await FeedServer.StartAsync("cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:flood\r\nDTSTART:20190301T000000Z\r\nDTEND:20190301T000001Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        using var services = new CalendarServices();

        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None));

        Assert.Contains("flood", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_OneEventWithAMistypedEnd_ReadsTheRestAndMarksThePartialRead()
    {
        await using var server = await FeedServer.StartAsync();
        var broken = FixtureFolder.Read("one_event.ics").Replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:typo\r\nDTSTART:20190305T080000Z\r\nEND:VEVNT\r\nEND:VCALENDAR", StringComparison.Ordinal);
        server.Set("cal.ics", broken);
        using var services = new CalendarServices();

        var fetch = await services.Ics.FetchAsync(Context(server.Url("cal.ics")), CancellationToken.None);

        Assert.Equal([OneEvent], Ranges(fetch));
        Assert.Contains("1 component(s) skipped", fetch.PartialReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FileFeedInsideRoot_ReadsFixture()
    {
        using var services = new CalendarServices();
        var url = new Uri(Path.Combine(FixtureFolder.Ics, "one_event.ics")).AbsoluteUri;

        var fetch = await services.Ics.FetchAsync(Context(url), CancellationToken.None);

        Assert.Equal([OneEvent], Ranges(fetch));
    }

    [Fact]
    public async Task FetchAsync_FileFeedOutsideRoot_IsRefused()
    {
        using var services = new CalendarServices();
        var url = new Uri(Path.Combine(FixtureFolder.Ics, "..", "..", "DESIGN.md")).AbsoluteUri;

        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.Ics.FetchAsync(Context(url), CancellationToken.None));

        Assert.Contains("outside the allowed feed folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FloatingTimes_AreReadInParticipantZone()
    {
        const string Floating = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:f1\r\nDTSTAMP:20190301T000000Z\r\nDTSTART:20190305T090000\r\nDTEND:20190305T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using var server = await FeedServer.StartAsync("floating.ics", Floating);
        using var services = new CalendarServices();

        var fetch = await services.Ics.FetchAsync(Context(server.Url("floating.ics"), "Asia/Kolkata"), CancellationToken.None);

        var start = new DateTimeOffset(2019, 3, 5, 3, 30, 0, TimeSpan.Zero);
        Assert.Equal([new TimeRange(start, start.AddHours(1))], Ranges(fetch));
    }
}
