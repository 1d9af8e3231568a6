using System.Globalization;
using Scheduler.Grains.Calendars.CalDav.Writing;
using Scheduler.Grains.Calendars.CalDav;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A booked interviewer's CalDAV calendar (a real Radicale) is re-read by the calendar watch: an event added over the
/// interview moves it (policy <c>reschedule</c>); the interview's own event, written there by Scheduler, is no conflict.
/// </summary>
public sealed class CalDavConflictWatchTests
{
    [Fact]
    public async Task BookedInterviewer_ForeignEventAddedOverTheInterview_WatchFindsItAndTheRequestMoves()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        await using var host = await CalendarSilo.StartAsync();
        var (calendar, ivy) = await CalDavBookingTests.IvyOnCalDavAsync(server, services, host);
        var request = host.GrainFactory.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook), RequestStatus.Booked);
        var stage = booked.Booking!.Stages[0];

        // Scheduler's own event reaches the server, and the emailed invite, taken into the calendar under its own UID, is
        // there too: both are busy time, neither is a conflict.
        var ownUid = CalDavWriterGrain.EventUid(GrainTestCluster.RequestKey("r1"), 0);
        await TestSiloHost.WaitForAsync(() => services.CalDavClient.GetEventAsync(calendar, ownUid, CancellationToken.None), e => e is not null, TimeSpan.FromSeconds(20), _ => "our event is not on the server");
        var inviteUid = MessageIds.InviteUid(GrainTestCluster.RequestKey("r1"));
        var copy = await services.CalDavClient.PutEventAsync(calendar, inviteUid, Event(inviteUid, stage.Start, stage.End), null, CancellationToken.None);
        Assert.Equal(CalDavWriteStatus.Created, copy.Status);
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        var busy = await TestSiloHost.WaitForAsync(
            () => ivy.GetBusy(new TimeRange(stage.Start.AddDays(-1), stage.End.AddDays(1))),
            b => !b.Stale && b.Intervals.Count(i => i.Source == BusySourceKind.Calendar) == 2,
            TimeSpan.FromSeconds(20),
            _ => "the calendar was not read again");
        var read = busy.Intervals.Where(i => i.Source == BusySourceKind.Calendar).ToList();
        Assert.Equal([(stage.Start, stage.End, true), (stage.Start, stage.End, true)], read.Select(i => (i.Start, i.End, i.WrittenByScheduler)));
        await Task.Delay(500);
        Assert.DoesNotContain((await request.Get())!.History, h => h.Status == RequestStatus.Rescheduling);

        // Someone adds an appointment over the interview in the interviewer's own calendar; nobody else reads it.
        var put = await services.CalDavClient.PutEventAsync(calendar, "dentist-1@example.test", Event("dentist-1@example.test", stage.Start.AddMinutes(30), stage.End.AddMinutes(30)), null, CancellationToken.None);
        Assert.Equal(CalDavWriteStatus.Created, put.Status);
        host.Time.Advance(ParticipantWatchPeriod);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));
        var reason = moved.History.Single(h => h.Status == RequestStatus.Rescheduling).Reason;
        Assert.Equal("Participant 'ivy' reported a conflict from " + stage.Start.AddMinutes(30).ToString("O", CultureInfo.InvariantCulture) + " to " + stage.End.AddMinutes(30).ToString("O", CultureInfo.InvariantCulture) + ".", reason);
        Assert.False(moved.Booking!.Stages[0].Start < stage.End.AddMinutes(30) && stage.Start.AddMinutes(30) < moved.Booking.Stages[0].End, "The new time must not overlap the appointment.");
    }

    [Fact]
    public async Task BookedInterviewer_AppointmentAtExactlyTheInterviewsTimes_IsAConflictAndTheRequestMoves()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        await using var host = await CalendarSilo.StartAsync();
        var (calendar, _) = await CalDavBookingTests.IvyOnCalDavAsync(server, services, host);
        var request = host.GrainFactory.Request("r1");
        var stage = (await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("cand", ["ivy"], SchedulingMode.AutoBook), RequestStatus.Booked)).Booking!.Stages[0];

        // Ivy's interviews are written only to this calendar, under Scheduler's UIDs: an event at the same times under
        // another UID is someone's appointment, not a copy of the interview.
        var put = await services.CalDavClient.PutEventAsync(calendar, "dentist-2@example.test", Event("dentist-2@example.test", stage.Start, stage.End), null, CancellationToken.None);
        Assert.Equal(CalDavWriteStatus.Created, put.Status);
        host.Time.Advance(ParticipantWatchPeriod);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Any(h => h.Status == RequestStatus.Rescheduling));
        Assert.False(moved.Booking!.Stages[0].Start < stage.End && stage.Start < moved.Booking.Stages[0].End, "The new time must not overlap the appointment.");
    }

    /// <summary>The participant's calendar watch period (30 min), plus a minute.</summary>
    private static TimeSpan ParticipantWatchPeriod => TimeSpan.FromMinutes(31);

    private static string Event(string uid, DateTimeOffset start, DateTimeOffset end) => string.Join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Scheduler tests//EN",
        "BEGIN:VEVENT",
        "UID:" + uid,
        "DTSTAMP:20260101T000000Z",
        "DTSTART:" + start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        "DTEND:" + end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        "SUMMARY:Dentist",
        "END:VEVENT",
        "END:VCALENDAR",
        string.Empty);
}
