using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleEventWriteTests
{
    private static string EventId(int index = 0) => GoogleEventIds.For(GrainTestCluster.RequestKey("r1"), $"{GrainKeys.For(GrainTestCluster.Tenant, "i1")}#{index}");

    [Fact]
    public async Task Booked_InterviewerOnGoogle_OneEventAtTheBookingAndNoConflictFromIt()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (_, request, stage) = await silo.BookAsync(ConflictPolicy.Flag);

        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 1));
        var written = Assert.Single(silo.StandIn.Events("primary"));
        Assert.Equal((EventId(), stage.Start, stage.End), (written.Id, written.Start, written.End));
        Assert.Null(written.HangoutLink);

        // The event's own push reaches the participant; an event exactly on the booking is not a conflict.
        await TestSiloHost.WaitUntilAsync(async () => (await silo.AccountGrain.GetView()).SyncedCalendars.Count == 1 && silo.StandIn.Pushes.Count(p => p.State == "exists") >= 1);
        await Task.Delay(200);
        var view = await request.Get();
        Assert.False(view!.ConflictFlagged);
        Assert.Equal(RequestStatus.Booked, view.Status);
    }

    [Fact]
    public async Task Rescheduled_EventMovedUnderTheSameId_CancelledEventDeleted()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (_, request, stage) = await silo.BookAsync(ConflictPolicy.Reschedule);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 1));
        var later = new TimeRange(stage.Start.AddDays(1).Date.AddHours(9), stage.Start.AddDays(3));

        await request.Reschedule(new RescheduleSpec(new TimeRange(new DateTimeOffset(later.Start.DateTime, TimeSpan.Zero), later.End)));
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var newStage = moved.Booking!.Stages[0];
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary") is [{ } e] && e.Start == newStage.Start));
        Assert.Equal(EventId(), Assert.Single(silo.StandIn.Events("primary")).Id);

        await request.Cancel("candidate withdrew");
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 0));
        Assert.True(silo.StandIn.Event("primary", EventId())!.Cancelled);
    }

    [Fact]
    public async Task Rescheduled_WithGoogleMeet_TheMovedStageKeepsTheSameMeeting()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (_, request, stage) = await silo.BookAsync(ConflictPolicy.Reschedule, conferencing: "googleMeet");
        var first = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);
        var later = new TimeRange(stage.Start.AddDays(1).Date.AddHours(9), stage.Start.AddDays(3));

        await request.Reschedule(new RescheduleSpec(new TimeRange(new DateTimeOffset(later.Start.DateTime, TimeSpan.Zero), later.End)));
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start && v.Booking.Stages[0].ConferenceUrl is not null);

        Assert.Equal(first.Booking!.Stages[0].ConferenceUrl, moved.Booking!.Stages[0].ConferenceUrl);
        Assert.Equal(moved.Booking.Stages[0].Start, Assert.Single(silo.StandIn.Events("primary")).Start);
    }

    [Fact]
    public async Task Booked_PanelWithGoogleMeet_AnInterviewerWhoseAccountIsNotConnectedIsNotTheHost()
    {
        await using var silo = await GoogleSilo.StartAsync();
        await silo.Grains.Participant("i0").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            Calendars = [new CalendarSpec("google") { AccountId = "revoked@example.com" }], // never connected: no credentials
        });
        await silo.ConnectInterviewerAsync("i1");
        await silo.Grains.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        var request = silo.Grains.Request("r1");

        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i0", "i1"], SchedulingMode.AutoBook) with { Conferencing = "googleMeet" }, RequestStatus.Booked);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);

        var hosted = Assert.Single(silo.StandIn.Events("primary"));
        Assert.Equal(EventId(), hosted.Id); // i1's, with the meeting
        Assert.Equal(hosted.HangoutLink, booked.Booking!.Stages[0].ConferenceUrl);
    }

    [Fact]
    public async Task EventWrite_GoogleUnavailableBeyondRetries_StoredAndWrittenByTheRetryReminder()
    {
        await using var silo = await GoogleSilo.StartAsync(watch: false);
        await silo.ConnectInterviewerAsync("i1");
        silo.StandIn.Fail(3, HttpStatusCode.ServiceUnavailable, "backendError");
        var write = new InterviewEventWrite(GrainTestCluster.RequestKey("r1"), GrainKeys.For(GrainTestCluster.Tenant, "i1"), string.Empty, [new TimeRange(GrainTestCluster.Start.AddDays(1), GrainTestCluster.Start.AddDays(1).AddHours(1))], "Interview (r1)");

        await silo.AccountGrain.WriteInterviewEvent(write);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Calls.Count(c => c.Method == "events.insert") == 3));
        Assert.Empty(silo.StandIn.Events("primary"));

        silo.Time.Advance(CalendarAccountGrain.EventWriteRetry + TimeSpan.FromSeconds(1));

        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 1));
        Assert.Equal(EventId(), silo.StandIn.Events("primary")[0].Id);
        await silo.AccountGrain.WriteInterviewEvent(write);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Calls.Count(c => c.Method == "events.patch") == 1));
        Assert.Single(silo.StandIn.Events("primary"));
    }

    [Fact]
    public async Task Booked_WithGoogleMeet_EventCarriesAMeetLinkAndTheBookingKeepsIt()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (_, request, stage) = await silo.BookAsync(ConflictPolicy.Flag, conferencing: "googleMeet");

        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 1));
        var written = Assert.Single(silo.StandIn.Events("primary"));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);

        Assert.Equal(stage.Start, written.Start);
        Assert.False(string.IsNullOrEmpty(written.HangoutLink));
        Assert.Equal(written.HangoutLink, booked.Booking!.Stages[0].ConferenceUrl);
    }

    [Fact]
    public async Task Booked_WithGoogleMeet_LinkReportLost_SentAgainUntilTheRequestAcknowledgesIt()
    {
        var reports = 0;
        await using var silo = await GoogleSilo.StartAsync(configureSilo: s => s.AddIncomingGrainCallFilter(async context =>
        {
            // The account's first report of the link is lost on its way (a one-way message to a silo that died).
            if (context.InterfaceMethod.Name == nameof(IInterviewRequestGrain.RecordConferenceLink) && Interlocked.Increment(ref reports) == 1)
            {
                return;
            }

            await context.Invoke();
        }));
        var (_, request, _) = await silo.BookAsync(ConflictPolicy.Flag, conferencing: "googleMeet");
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref reports) == 1));
        var written = Assert.Single(silo.StandIn.Events("primary"));
        Assert.Null((await request.Get())!.Booking!.Stages[0].ConferenceUrl);
        var account = GrainId.Create("calendar-account", GoogleSilo.AccountKey);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.Storage.Read<CalendarAccountState>(account, "calendarAccount")?.LinkReports.Count == 1));

        silo.Time.Advance(CalendarAccountGrain.LinkReportPolicy.BaseDelay + TimeSpan.FromSeconds(1));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);

        Assert.Equal(written.HangoutLink, booked.Booking!.Stages[0].ConferenceUrl);

        // Acknowledged: the account keeps nothing more to send (the interviewers' rewrite of the host's event reports it
        // once more, and that report is acknowledged too).
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.Storage.Read<CalendarAccountState>(account, "calendarAccount")!.LinkReports.Count == 0));
        Assert.InRange(Volatile.Read(ref reports), 2, 3);
    }

    [Fact]
    public async Task Booked_PanelWithGoogleMeet_OneMeetingMadeByTheFirstInterviewerWithAGoogleAccount()
    {
        await using var silo = await GoogleSilo.StartAsync();
        await silo.Grains.Participant("i0").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer)); // no calendar to make it in
        await silo.ConnectInterviewerAsync("i1");
        await silo.ConnectInterviewerAsync("i2");
        await silo.Grains.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        var request = silo.Grains.Request("r1");

        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i0", "i1", "i2"], SchedulingMode.AutoBook) with { Conferencing = "googleMeet" }, RequestStatus.Booked);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Events("primary").Count == 2));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);

        var events = silo.StandIn.Events("primary");
        var hosted = Assert.Single(events, e => e.HangoutLink is not null);
        Assert.Equal(EventId(), hosted.Id); // i1's event
        Assert.Equal(hosted.HangoutLink, booked.Booking!.Stages[0].ConferenceUrl);
        // Only i1's event asks for a meeting (an insert repeated after a lost answer names the same id and is refused as a duplicate).
        var meetingInserts = silo.StandIn.Calls.Where(c => c.Method == "events.insert" && c.Body!.Contains("createRequest", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(meetingInserts);
        Assert.All(meetingInserts, c => Assert.Equal(hosted.Id, (string?)System.Text.Json.Nodes.JsonNode.Parse(c.Body!)!["id"]));

        // i2 finds the same link in its own event (written into the description once the request had it).
        var i2Event = GoogleEventIds.For(GrainTestCluster.RequestKey("r1"), $"{GrainKeys.For(GrainTestCluster.Tenant, "i2")}#0");
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Event("primary", i2Event)?.Description is not null));
        Assert.Equal("Video meeting: " + hosted.HangoutLink, silo.StandIn.Event("primary", i2Event)!.Description);
        Assert.Null(silo.StandIn.Event("primary", i2Event)!.HangoutLink);
    }
}
