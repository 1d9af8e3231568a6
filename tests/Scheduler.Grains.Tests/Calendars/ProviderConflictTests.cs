namespace Scheduler.Grains.Tests.Calendars;

/// <summary>An event pushed over a booked interview, alike for every provider; each provider's class runs these against its own silo.</summary>
public abstract class ProviderConflictTests
{
    [Fact]
    public async Task Push_EventOverBookedInterview_ReschedulePolicy_MovesTheBooking()
    {
        await using var silo = await StartSiloAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        await silo.AddEventAsync("clash", stage.Start.AddMinutes(-30), stage.End);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start.AddMinutes(-30), stage.End)));
        Assert.Contains(moved.History, h => h.Status == RequestStatus.Rescheduling);
        var bookings = await silo.Grains.Participant("i1").ListBookings();
        Assert.Equal(now.Start, Assert.Single(bookings).Intervals[0].Start);
    }

    [Fact]
    public async Task Push_EventOverBookedInterview_FlagPolicy_KeepsBookingAndFlags()
    {
        await using var silo = await StartSiloAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Flag);

        await silo.AddEventAsync("clash", stage.Start, stage.Start.AddMinutes(15));

        var flagged = await GrainTestCluster.WaitForAsync(request, v => v.ConflictFlagged);
        Assert.Equal(RequestStatus.Booked, flagged.Status);
        Assert.Equal(stage, flagged.Booking!.Stages[0]);
    }

    [Fact]
    public async Task Push_EventOverAHeldSlotBeforeItIsConfirmed_NotBookedOverIt()
    {
        ProviderSilo? silo = null;
        TimeRange? clash = null;
        silo = await StartSiloAsync(configureSilo: s => s.AddIncomingGrainCallFilter(async context =>
        {
            // Between the interviewer's hold and its confirmation (confirmations go in participant-key order, the candidate
            // first), an event is added over the held slot, and its push has reached the interviewer.
            if (context.InterfaceMethod.Name == nameof(IParticipantGrain.ConfirmHold) && context.TargetId.ToString().EndsWith("/c1", StringComparison.Ordinal) && clash is null)
            {
                var held = ((HoldRequest)context.Request.GetArgument(0)!).Intervals[0];
                clash = held;
                await silo!.AddEventAsync("clash", held.Start, held.End);
                var interviewer = silo.Grains.Participant("i1");
                await TestSiloHost.WaitUntilAsync(async () => (await interviewer.GetBusy(held)).Intervals.Any(i => i.Source == BusySourceKind.Calendar));
            }

            await context.Invoke();
        }));
        await using var _ = silo;

        var (request, stage) = await BookAsync(silo, ConflictPolicy.Flag);

        // The interviewer's confirmation checked the calendar again and refused; the round booked its next option.
        Assert.NotNull(clash);
        Assert.False(new TimeRange(stage.Start, stage.End).Overlaps(clash));
        var booking = Assert.Single(await silo.Grains.Participant("i1").ListBookings());
        Assert.False(booking.Intervals[0].Overlaps(clash));
        Assert.False((await request.Get())!.ConflictFlagged);
    }

    [Fact]
    public async Task Push_TheInterviewsInviteTakenIntoTheCalendar_NotAConflict()
    {
        await using var silo = await StartSiloAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);
        var before = await request.Get();

        // Exchange and Gmail add a received invite to the calendar under the invite's UID. An event pushed after it,
        // elsewhere, shows when both changes have reached the interviewer.
        await silo.AddEventAsync("invite", stage.Start, stage.End, MessageIds.InviteUid(GrainTestCluster.RequestKey("r1")));
        await silo.AddEventAsync("later", stage.End.AddHours(2), stage.End.AddHours(3));
        var participant = silo.Grains.Participant("i1");
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(new TimeRange(stage.Start, stage.End.AddHours(4)))).Intervals.Any(i => i.Start == stage.End.AddHours(2)));

        var after = await request.Get();
        Assert.Equal(before!.History.Count, after!.History.Count);
        Assert.Equal(stage, after.Booking!.Stages[0]);
    }

    [Fact]
    public async Task Push_AppointmentAtExactlyTheInterviewsTimes_IsAConflict()
    {
        await using var silo = await StartSiloAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        // Meetings and interviews both start on the hour: the same times, another event (its own UID).
        await silo.AddEventAsync("clash", stage.Start, stage.End);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start, stage.End)));
        Assert.Single(moved.History, h => h.Status == RequestStatus.Rescheduling);
    }

    [Fact]
    public async Task Refresh_TheWrittenInterviewReadBackThroughTheCalendarsIcsAddress_NotAConflict()
    {
        await using var silo = await StartSiloAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);
        var before = await request.Get();

        // The interviewer also reads the same calendar through its ics address, where the event Scheduler wrote through
        // the provider's API has the provider's UID, not Scheduler's; an event elsewhere shows the feed was read.
        await using var feed = await FeedServer.StartAsync("cal.ics", IcsFeed(("written-1@provider.example", stage.Start, stage.End), ("other-1@provider.example", stage.End.AddHours(2), stage.End.AddHours(3))));
        var participant = silo.Grains.Participant("i1");
        var profile = (await participant.GetProfile())!;
        await participant.UpsertProfile(profile with { Calendars = [.. profile.Calendars, new CalendarSpec("ics") { Url = feed.Url("cal.ics") }] });
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(new TimeRange(stage.Start, stage.End.AddHours(4)))).Intervals.Any(i => i.Start == stage.End.AddHours(2)));
        await Task.Delay(500);

        var after = await request.Get();
        Assert.Equal(before!.History.Count, after!.History.Count);
        Assert.Equal(stage, after.Booking!.Stages[0]);
    }

    [Fact]
    public async Task Poll_NoWebhook_EventOverBookedInterview_FoundByTheNextSyncAndMovesTheBooking()
    {
        await using var silo = await StartSiloAsync(watch: false);
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        // No push channel: the event is found by the account's next incremental sync (every BusyFreshFor, 15 min).
        await silo.AddEventAsync("clash", stage.Start.AddMinutes(-30), stage.End);
        Assert.Empty((await silo.AccountGrain.GetView()).Channels);
        silo.Time.Advance(TimeSpan.FromMinutes(16));

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start.AddMinutes(-30), stage.End)));
        Assert.Single(moved.History, h => h.Status == RequestStatus.Rescheduling);
    }

    private static string IcsFeed(params (string Uid, DateTimeOffset Start, DateTimeOffset End)[] events) => string.Join("\r\n", [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Scheduler tests//EN",
        .. events.SelectMany(e => new[]
        {
            "BEGIN:VEVENT", "UID:" + e.Uid, "DTSTAMP:20260101T000000Z",
            "DTSTART:" + e.Start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "DTEND:" + e.End.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "SUMMARY:Busy", "END:VEVENT",
        }),
        "END:VCALENDAR", string.Empty]);

    /// <summary>
    /// Starts the provider's silo; with <paramref name="watch"/>, watching calendars for changes (a webhook address), else
    /// without push; <paramref name="configureSilo"/> adds to the silo (e.g. a grain call filter).
    /// </summary>
    private protected abstract Task<ProviderSilo> StartSiloAsync(bool watch = true, Action<ISiloBuilder>? configureSilo = null);

    /// <summary>Books r1 on the interviewer's calendar and waits until the account has read that calendar for the interviewer.</summary>
    private protected static async Task<(IInterviewRequestGrain Request, ScheduledStageView Stage)> BookAsync(ProviderSilo silo, ConflictPolicy policy)
    {
        var (interviewer, request, stage) = await silo.BookAsync(policy);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1 && v.Readers.Contains("acme/i1"));
        Assert.NotNull(interviewer);
        return (request, stage);
    }
}
