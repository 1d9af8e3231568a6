namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleConflictTests : ProviderConflictTests
{
    [Fact]
    public async Task Push_EventElsewhere_BookingUntouched()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);
        var before = await request.Get();

        await silo.AddEventAsync("later", stage.End.AddHours(2), stage.End.AddHours(3));
        var participant = silo.Grains.Participant("i1");
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(new TimeRange(stage.Start, stage.End.AddHours(4)))).Intervals.Any(i => i.Source == BusySourceKind.Calendar));

        var after = await request.Get();
        Assert.Equal(before!.History.Count, after!.History.Count);
        Assert.Equal(stage, after.Booking!.Stages[0]);
        Assert.False(after.ConflictFlagged);
    }

    [Fact]
    public async Task Push_WeeklySeriesFromAWeekBeforeTheInterview_ReschedulePolicy_MovesTheBooking()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        // Its first instance is a week before the interview; the second is over it.
        await silo.StandIn.AddRecurringEventAsync("primary", "weekly", stage.Start.AddDays(-7), stage.End.AddDays(-7), "RRULE:FREQ=WEEKLY;COUNT=4");

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start, stage.End)));
        Assert.Single(moved.History, h => h.Status == RequestStatus.Rescheduling);
    }

    private protected override async Task<ProviderSilo> StartSiloAsync(bool watch = true, Action<ISiloBuilder>? configureSilo = null) =>
        await GoogleSilo.StartAsync(watch, configureSilo: configureSilo);
}
