using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class GraphConflictTests
{
    [Fact]
    public async Task Notification_EventOverBookedInterview_ReschedulePolicy_MovesTheBooking()
    {
        await using var silo = await GraphSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Reschedule);

        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, stage.Start.AddMinutes(-30), stage.End);

        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start != stage.Start);
        var now = moved.Booking!.Stages[0];
        Assert.False(new TimeRange(now.Start, now.End).Overlaps(new TimeRange(stage.Start.AddMinutes(-30), stage.End)));
        Assert.Contains(moved.History, h => h.Status == RequestStatus.Rescheduling);
        var bookings = await silo.Grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "i1")).ListBookings();
        Assert.Equal(now.Start, Assert.Single(bookings).Intervals[0].Start);
    }

    [Fact]
    public async Task Notification_EventOverBookedInterview_FlagPolicy_KeepsBookingAndFlags()
    {
        await using var silo = await GraphSilo.StartAsync();
        var (request, stage) = await BookAsync(silo, ConflictPolicy.Flag);

        await silo.StandIn.AddEventAsync(GraphSilo.Mailbox, stage.Start, stage.Start.AddMinutes(15));

        var flagged = await GrainTestCluster.WaitForAsync(request, v => v.ConflictFlagged);
        Assert.Equal(RequestStatus.Booked, flagged.Status);
        Assert.Equal(stage, flagged.Booking!.Stages[0]);
    }

    private static async Task<(IInterviewRequestGrain Request, ScheduledStageView Stage)> BookAsync(GraphSilo silo, ConflictPolicy policy)
    {
        await silo.ConnectInterviewerAsync("i1");
        await silo.Grains.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "c1")).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        var request = silo.Grains.GetGrain<IInterviewRequestGrain>(GrainKeys.For(GrainTestCluster.Tenant, "r1"));
        await request.Submit(GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = policy });
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1 && v.Readers.Contains("acme/i1"));
        return (request, booked.Booking!.Stages[0]);
    }
}
