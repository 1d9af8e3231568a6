using NodaTime;
using Scheduler.Grains.Calendars.CalDav.Writing;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>Booked interviews written to an interviewer's CalDAV calendar on a real Radicale.</summary>
public sealed class CalDavBookingTests
{
    [Fact]
    public async Task BookedInterview_AppearsOnServer_MovesOnReschedule_GoneOnCancel()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        await using var host = await CalendarSilo.StartAsync();
        var (calendar, _) = await IvyOnCalDavAsync(server, services, host);
        var request = host.GrainFactory.Request("r1");
        var uid = CalDavWriterGrain.EventUid(GrainTestCluster.RequestKey("r1"), 0);

        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook), RequestStatus.Booked);
        var written = await PollAsync(() => StartOnServerAsync(services, calendar, uid), start => start == booked.Booking!.Stages[0].Start);

        Assert.True((await request.Reschedule(new RescheduleSpec(null))).Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));
        var rewritten = await PollAsync(() => StartOnServerAsync(services, calendar, uid), start => start == moved.Booking!.Stages[0].Start);

        Assert.True((await request.Cancel("withdrawn")).Applied);
        await PollAsync(() => StartOnServerAsync(services, calendar, uid), start => start is null);

        Assert.Equal(booked.Booking!.Stages[0].Start, written);
        Assert.NotEqual(written, rewritten);
        var events = await services.CalDavClient.QueryEventsAsync(calendar, GrainTestCluster.Start.AddDays(-7), GrainTestCluster.Start.AddDays(30), CancellationToken.None);
        Assert.Empty(events);
        Assert.Equal(0, await host.GrainFactory.GetGrain<ICalDavWriterGrain>(GrainKeys.For(GrainTestCluster.Tenant, "ivy")).PendingCount());
    }

    [Fact]
    public async Task BookedInterview_MeetingLinkShown_TheServersEventCarriesIt()
    {
        const string Link = "https://meet.google.com/abc-defg-hij";
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        await using var host = await CalendarSilo.StartAsync();
        var (calendar, ivy) = await IvyOnCalDavAsync(server, services, host);
        var request = host.GrainFactory.Request("r1");
        var uid = CalDavWriterGrain.EventUid(GrainTestCluster.RequestKey("r1"), 0);
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook), RequestStatus.Booked);
        var start = booked.Booking!.Stages[0].Start;
        await PollAsync(() => StartOnServerAsync(services, calendar, uid), s => s == start);

        // The request tells the stage's interviewers the link once the host's calendar made it.
        await ivy.ShowConferenceLinks(GrainTestCluster.RequestKey("r1"), [new ConferenceLink(start, Link)]);
        var text = await PollAsync(async () => (await services.CalDavClient.GetEventAsync(calendar, uid, CancellationToken.None))?.CalendarData, t => t?.Contains("DESCRIPTION", StringComparison.Ordinal) == true);

        var vevent = Assert.Single(VCalendar.Parse(text!).Events);
        Assert.Equal("Video meeting: " + Link, vevent.Description);
        Assert.Contains("\r\nURL:" + Link + "\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EventUid_StablePerRequestAndInterval()
    {
        Assert.Equal(CalDavWriterGrain.EventUid("acme/r1", 0), CalDavWriterGrain.EventUid("acme/r1", 0));
        Assert.NotEqual(CalDavWriterGrain.EventUid("acme/r1", 0), CalDavWriterGrain.EventUid("acme/r1", 1));
        Assert.NotEqual(CalDavWriterGrain.EventUid("acme/r1", 0), CalDavWriterGrain.EventUid("acme/r2", 0));
        Assert.DoesNotContain("/", CalDavWriterGrain.EventUid("acme/r1", 0), StringComparison.Ordinal);
    }

    /// <summary>Candidate <c>cand</c>, and interviewer <c>ivy</c> whose CalDAV calendar on the server is made and is the one she reads and is written to.</summary>
    internal static async Task<(CalDavCalendar Calendar, IParticipantGrain Ivy)> IvyOnCalDavAsync(RadicaleServer server, CalendarServices services, TestSiloHost host)
    {
        var calendar = new CalDavCalendar(server.CalendarUrl("ivy", "work"), "ivy", "any");
        Assert.True(await services.CalDavClient.CreateCalendarAsync(calendar, "Work", CancellationToken.None));
        await host.GrainFactory.Participant("cand").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        return (calendar, await host.AddReaderAsync("ivy", new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = "ivy", Password = "any" }));
    }

    /// <summary>Reads until <paramref name="done"/> holds (real time, at most 20 s); returns the value it holds of.</summary>
    private static Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done) =>
        TestSiloHost.WaitForAsync(read, done, TimeSpan.FromSeconds(20), value => $"the server still shows {value}");

    /// <summary>The start of our event on the server (read back with the project's parser), or <see langword="null"/> when it is not there.</summary>
    private static async Task<DateTimeOffset?> StartOnServerAsync(CalendarServices services, CalDavCalendar calendar, string uid)
    {
        var resource = await services.CalDavClient.GetEventAsync(calendar, uid, CancellationToken.None);
        if (resource is null)
        {
            return null;
        }

        var occurrence = Assert.Single(VCalendar.Parse(resource.CalendarData).GetOccurrences(Instant.MinValue, Instant.MaxValue, DateTimeZone.Utc));
        Assert.Equal(uid, occurrence.Uid);
        Assert.True(occurrence.IsBusy);
        return occurrence.Start.ToDateTimeOffset();
    }
}
