using System.Text;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Tests.Calendars;

public sealed class CalDavTests
{
    private const string Participant = "acme/i1";
    private static readonly DateTimeOffset Jan = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange January = new(Jan, Jan.AddMonths(1));

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    private static TimeRange[] Ranges(IEnumerable<BusyInterval> intervals) => [.. intervals.Select(i => new TimeRange(i.Start, i.End))];

    private static async Task<CalDavCalendar> CalendarWithEventsAsync(RadicaleServer server, CalendarServices services, string user = "alice")
    {
        var calendar = new CalDavCalendar(server.CalendarUrl(user, "work"), user, "any");
        Assert.True(await services.CalDavClient.CreateCalendarAsync(calendar, "Work", CancellationToken.None));
        var client = services.CalDavClient;
        Assert.Equal(CalDavWriteStatus.Created, (await client.PutEventAsync(calendar, "single-1", CalDavEvents.Single("single-1", At(6, 10)), null, CancellationToken.None)).Status);
        Assert.Equal(CalDavWriteStatus.Created, (await client.PutEventAsync(calendar, "weekly-1", CalDavEvents.WeeklyWithExceptions("weekly-1"), null, CancellationToken.None)).Status);
        Assert.Equal(CalDavWriteStatus.Created, (await client.PutEventAsync(calendar, "free-1", CalDavEvents.Single("free-1", At(7, 10), extra: "TRANSP:TRANSPARENT\r\n"), null, CancellationToken.None)).Status);
        Assert.Equal(CalDavWriteStatus.Created, (await client.PutEventAsync(calendar, "later-1", CalDavEvents.Single("later-1", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)), null, CancellationToken.None)).Status);
        return calendar;
    }

    private static readonly TimeRange[] ExpectedJanuary =
    [
        new(At(5, 13), At(5, 14)),
        new(At(6, 10), At(6, 11)),
        new(At(20, 8), At(20, 8, 30)),
        new(At(26, 13), At(26, 14)),
    ];

    private static BusySourceContext Context(CalDavCalendar calendar, TimeRange range) =>
        new(Participant, new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = calendar.Username, Password = calendar.Password }, range) { TimeZone = "Europe/Berlin" };

    [Fact]
    public async Task FetchAsync_RecurringSeriesWithExdateAndOverride_ReturnsBusyIntervals()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var calendar = await CalendarWithEventsAsync(server, services);

        var fetch = await services.CalDav.FetchAsync(Context(calendar, January), CancellationToken.None);

        Assert.Equal(ExpectedJanuary, Ranges(fetch.Intervals));
        Assert.Null(fetch.PartialReason);
    }

    [Fact]
    public async Task QueryEventsAsync_TimeRange_ReturnsOnlyOverlappingResources()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var calendar = await CalendarWithEventsAsync(server, services);

        var resources = await services.CalDavClient.QueryEventsAsync(calendar, At(6, 0), At(7, 0), CancellationToken.None);

        var resource = Assert.Single(resources);
        Assert.EndsWith("/single-1.ics", resource.Href, StringComparison.Ordinal);
        Assert.NotNull(resource.ETag);
        Assert.Contains("UID:single-1", resource.CalendarData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FreeBusyPreferred_GivesSameBusyAsCalendarQuery()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices(o => o.PreferCalDavFreeBusy = true);
        var calendar = await CalendarWithEventsAsync(server, services);

        var fetch = await services.CalDav.FetchAsync(Context(calendar, January), CancellationToken.None);

        Assert.Equal(ExpectedJanuary, Ranges(fetch.Intervals));
    }

    [Fact]
    public async Task PutEventAsync_ConditionalWrites_HonourETags()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var client = services.CalDavClient;
        var calendar = new CalDavCalendar(server.CalendarUrl("alice", "work"), "alice", "any");
        await client.CreateCalendarAsync(calendar, "Work", CancellationToken.None);

        var created = await client.PutEventAsync(calendar, "booking-1", CalDavEvents.Single("booking-1", At(8, 9)), null, CancellationToken.None);
        var createdAgain = await client.PutEventAsync(calendar, "booking-1", CalDavEvents.Single("booking-1", At(8, 9)), null, CancellationToken.None);
        var updated = await client.PutEventAsync(calendar, "booking-1", CalDavEvents.Single("booking-1", At(8, 11)), created.ETag, CancellationToken.None);
        var staleUpdate = await client.PutEventAsync(calendar, "booking-1", CalDavEvents.Single("booking-1", At(8, 15)), created.ETag, CancellationToken.None);

        Assert.Equal(CalDavWriteStatus.Created, created.Status);
        Assert.NotNull(created.ETag);
        Assert.Equal(CalDavWriteStatus.PreconditionFailed, createdAgain.Status);
        Assert.Equal(CalDavWriteStatus.Updated, updated.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal(CalDavWriteStatus.PreconditionFailed, staleUpdate.Status);
        var stored = await client.GetEventAsync(calendar, "booking-1", CancellationToken.None);
        Assert.Contains("DTSTART:20260108T110000Z", stored!.CalendarData, StringComparison.Ordinal);
        Assert.Equal(updated.ETag, stored.ETag);
        var busy = await services.CalDav.FetchAsync(Context(calendar, January), CancellationToken.None);
        Assert.Equal([new TimeRange(At(8, 11), At(8, 12))], Ranges(busy.Intervals));
    }

    [Fact]
    public async Task DeleteEventAsync_StaleETag_IsRefusedAndCurrentETagDeletes()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var client = services.CalDavClient;
        var calendar = new CalDavCalendar(server.CalendarUrl("alice", "work"), "alice", "any");
        await client.CreateCalendarAsync(calendar, "Work", CancellationToken.None);
        var created = await client.PutEventAsync(calendar, "booking-2", CalDavEvents.Single("booking-2", At(9, 9)), null, CancellationToken.None);
        var updated = await client.PutEventAsync(calendar, "booking-2", CalDavEvents.Single("booking-2", At(9, 10)), created.ETag, CancellationToken.None);

        var stale = await client.DeleteEventAsync(calendar, "booking-2", created.ETag, CancellationToken.None);
        var deleted = await client.DeleteEventAsync(calendar, "booking-2", updated.ETag, CancellationToken.None);
        var again = await client.DeleteEventAsync(calendar, "booking-2", null, CancellationToken.None);

        Assert.Equal(CalDavWriteStatus.PreconditionFailed, stale);
        Assert.Equal(CalDavWriteStatus.Deleted, deleted);
        Assert.Equal(CalDavWriteStatus.NotFound, again);
        Assert.Null(await client.GetEventAsync(calendar, "booking-2", CancellationToken.None));
    }

    [Fact]
    public async Task FetchAsync_BasicAuth_AcceptsRightPasswordAndReportsWrongOne()
    {
        await using var server = await RadicaleServer.StartAsync(htpasswd: "bob:s3cret-pass");
        using var services = new CalendarServices();
        var good = new CalDavCalendar(server.CalendarUrl("bob", "work"), "bob", "s3cret-pass");
        Assert.True(await services.CalDavClient.CreateCalendarAsync(good, "Work", CancellationToken.None));
        await services.CalDavClient.PutEventAsync(good, "single-1", CalDavEvents.Single("single-1", At(6, 10)), null, CancellationToken.None);

        var fetch = await services.CalDav.FetchAsync(Context(good, January), CancellationToken.None);
        var wrong = good with { Password = "wrong-pass" };
        var error = await Assert.ThrowsAsync<CalendarSourceException>(() => services.CalDav.FetchAsync(Context(wrong, January), CancellationToken.None));

        Assert.Equal([new TimeRange(At(6, 10), At(6, 11))], Ranges(fetch.Intervals));
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", wrong.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_CalDavPassword_StoredProtectedNeverInClear_AndStillUsedToRead()
    {
        await using var server = await RadicaleServer.StartAsync(htpasswd: "bob:s3cret-pass");
        using var services = new CalendarServices();
        var calendar = await CalendarWithOneEventAsync(server, services, "bob", "s3cret-pass");
        var storage = new RecordingGrainStorage();
        using var keys = new TempDirectory();
        await using var host = await SiloOnAsync(storage, keys.Path);
        var participant = await host.AddReaderAsync("bob", new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = "bob", Password = "s3cret-pass" });

        var busy = await TestSiloHost.WaitForAsync<BusyView>(() => participant.GetBusy(new TimeRange(At(5, 0), At(12, 0))), b => !b.Stale);

        Assert.Equal([new TimeRange(At(7, 14), At(7, 15))], busy.Intervals.Select(i => new TimeRange(i.Start, i.End)));
        var grainId = GrainId.Create("participant", GrainKeys.For(GrainTestCluster.Tenant, "bob"));
        Assert.DoesNotContain("s3cret-pass", Encoding.UTF8.GetString(storage.Payload(grainId, "participant")!.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("dp1:", storage.Read<ParticipantState>(grainId, "participant")!.Profile!.Calendars[0].Password, StringComparison.Ordinal);
        Assert.True((await participant.GetProfile())!.Calendars[0].HasPassword);
    }

    [Fact]
    public async Task Profile_CalDavPasswordStoredInClear_ProtectedAtTheNextActivation_AndStillUsedToRead()
    {
        await using var server = await RadicaleServer.StartAsync(htpasswd: "dan:old-clear-pass");
        using var services = new CalendarServices();
        var calendar = await CalendarWithOneEventAsync(server, services, "dan", "old-clear-pass");
        var storage = new RecordingGrainStorage();
        var grainId = GrainId.Create("participant", GrainKeys.For(GrainTestCluster.Tenant, "dan"));

        // A silo without the protector stores the password as it is (as every silo did before passwords were protected).
        await using (var before = await SiloOnAsync(storage, keysPath: null))
        {
            await before.AddReaderAsync("dan", new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = "dan", Password = "old-clear-pass" });
            Assert.Equal("old-clear-pass", storage.Read<ParticipantState>(grainId, "participant")!.Profile!.Calendars[0].Password);
        }

        using var keys = new TempDirectory();
        await using var host = await SiloOnAsync(storage, keys.Path);
        var participant = host.GrainFactory.Participant("dan");

        var busy = await TestSiloHost.WaitForAsync<BusyView>(() => participant.GetBusy(new TimeRange(At(5, 0), At(12, 0))), b => !b.Stale);

        Assert.Equal([new TimeRange(At(7, 14), At(7, 15))], busy.Intervals.Select(i => new TimeRange(i.Start, i.End)));
        Assert.DoesNotContain("old-clear-pass", Encoding.UTF8.GetString(storage.Payload(grainId, "participant")!.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("dp1:", storage.Read<ParticipantState>(grainId, "participant")!.Profile!.Calendars[0].Password, StringComparison.Ordinal);
    }

    /// <summary>A silo on <paramref name="storage"/> with the calendar sources; with <paramref name="keysPath"/>, the calendar accounts' protector too.</summary>
    private static Task<TestSiloHost> SiloOnAsync(RecordingGrainStorage storage, string? keysPath) =>
        TestSiloHost.StartAsync(
            silo =>
            {
                silo.AddSchedulerGrains();
                storage.RegisterAsDefault(silo);
            },
            configureServices: s =>
            {
                s.AddCalendarSources(CalendarServices.Configure);
                if (keysPath is not null)
                {
                    s.AddCalendarAccounts(keysPath);
                }
            });

    /// <summary>A calendar of <paramref name="user"/> (basic auth) on the server with one event on the 7th, 14:00–15:00.</summary>
    private static async Task<CalDavCalendar> CalendarWithOneEventAsync(RadicaleServer server, CalendarServices services, string user, string password)
    {
        var calendar = new CalDavCalendar(server.CalendarUrl(user, "work"), user, password);
        await services.CalDavClient.CreateCalendarAsync(calendar, "Work", CancellationToken.None);
        await services.CalDavClient.PutEventAsync(calendar, "one", CalDavEvents.Single("one", At(7, 14)), null, CancellationToken.None);
        return calendar;
    }

    [Fact]
    public async Task GetBusy_ParticipantOnCalDavCalendar_ShowsEventAddedOnServer()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var calendar = new CalDavCalendar(server.CalendarUrl("carol", "work"), "carol", "any");
        await services.CalDavClient.CreateCalendarAsync(calendar, "Work", CancellationToken.None);
        await using var host = await CalendarSilo.StartAsync();
        var participant = await host.AddReaderAsync("carol", new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = "carol", Password = "any" });
        var week = new TimeRange(At(5, 0), At(12, 0));
        Assert.Empty((await participant.GetBusy(week)).Intervals);

        await services.CalDavClient.PutEventAsync(calendar, "new-1", CalDavEvents.Single("new-1", At(7, 14)), null, CancellationToken.None);
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromSeconds(1));
        var busy = await participant.GetBusy(week);

        var interval = Assert.Single(busy.Intervals);
        Assert.Equal((At(7, 14), At(7, 15), BusySourceKind.Calendar), (interval.Start, interval.End, interval.Source));
        Assert.False(busy.Stale);
    }
}
