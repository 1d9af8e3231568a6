using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleConflictTests
{
    [Fact]
    public async Task Push_EventOverBookedInterview_ReschedulePolicy_MovesTheBooking()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        await silo.StandIn.AddEventAsync("primary", "clash", stage.Start.AddMinutes(-30), stage.End);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start.AddMinutes(-30), stage.End)));
        Assert.Contains(moved.History, h => h.Status == RequestStatus.Rescheduling);
        var bookings = await silo.Grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "i1")).ListBookings();
        Assert.Equal(now.Start, Assert.Single(bookings).Intervals[0].Start);
    }

    [Fact]
    public async Task Push_EventOverBookedInterview_FlagPolicy_KeepsBookingAndFlags()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Flag);

        await silo.StandIn.AddEventAsync("primary", "clash", stage.Start, stage.Start.AddMinutes(15));

        var flagged = await GrainTestCluster.WaitForAsync(request, v => v.ConflictFlagged);
        Assert.Equal(RequestStatus.Booked, flagged.Status);
        Assert.Equal(stage, flagged.Booking!.Stages[0]);
    }

    [Fact]
    public async Task Push_EventElsewhere_BookingUntouched()
    {
        await using var silo = await GoogleSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);
        var before = await request.Get();

        await silo.StandIn.AddEventAsync("primary", "later", stage.End.AddHours(2), stage.End.AddHours(3));
        var participant = silo.Grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "i1"));
        await TestSiloHost.WaitUntilAsync(async () => (await participant.GetBusy(new TimeRange(stage.Start, stage.End.AddHours(4)))).Intervals.Any(i => i.Source == BusySourceKind.Calendar));

        var after = await request.Get();
        Assert.Equal(before!.History.Count, after!.History.Count);
        Assert.Equal(stage, after.Booking!.Stages[0]);
        Assert.False(after.ConflictFlagged);
    }

    private static async Task<(IInterviewRequestGrain Request, ScheduledStageView Stage)> BookAsync(GoogleSilo silo, ConflictPolicy policy)
    {
        var interviewer = await silo.ConnectInterviewerAsync("i1");
        await silo.Grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "c1")).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        var request = silo.Grains.GetGrain<IInterviewRequestGrain>(GrainKeys.For(GrainTestCluster.Tenant, "r1"));
        await request.Submit(GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = policy });
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        await CalendarAccountTests.WaitForViewAsync(silo, v => v.SyncedCalendars.Count == 1 && v.Readers.Contains("acme/i1"));
        Assert.NotNull(interviewer);
        return (request, booked.Booking!.Stages[0]);
    }
}
