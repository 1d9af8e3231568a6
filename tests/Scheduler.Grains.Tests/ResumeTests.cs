namespace Scheduler.Grains.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task Booking_RequestDiesBetweenHoldsAndConfirm_HoldsExpireAndReminderCompletesIt()
    {
        var storage = new FailOnceStorage();
        await using var cluster = await GrainTestCluster.StartAsync(storage.Storage);
        await cluster.AddCandidateAsync("c1");
        await cluster.AddInterviewerAsync("i1");
        var request = cluster.Request("r1");
        var key = GrainTestCluster.RequestKey("r1");

        // The first write of a participant that turns a hold into a booking fails: the confirm step
        // throws after every hold was granted, and the request activation is discarded.
        storage.Arm();
        await request.Submit(GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook));
        await TestSiloHost.WaitUntilAsync(() => storage.Failed);
        var holds = await cluster.Participant("i1").ListHolds();
        Assert.Equal(key, Assert.Single(holds).RequestId);
        Assert.Equal(RequestStatus.Booking, (await request.Get())!.Status);

        // Past the hold TTL (2 min), before the resume reminder (3 min): nobody is blocked any more.
        cluster.Time.Advance(TimeSpan.FromMinutes(2.5));
        Assert.Empty(await cluster.Participant("i1").ListHolds());
        Assert.Empty(await cluster.Participant("c1").ListHolds());
        Assert.Empty(await cluster.Participant("i1").ListBookings());

        // The durable reminder resumes the booking step.
        cluster.Time.Advance(TimeSpan.FromMinutes(1));
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        var booking = Assert.Single(await cluster.Participant("i1").ListBookings());
        Assert.Equal(key, booking.RequestId);
        Assert.Equal(booked.Booking!.Stages[0].Start, booking.Intervals[0].Start);
        Assert.Single(await cluster.Participant("c1").ListBookings());
    }

    [Fact]
    public async Task Booking_RequestDiesBetweenConfirmationsAndRetryEndsInNoAvailability_LeavesNoBooking()
    {
        var storage = new FailOnceStorage();
        await using var cluster = await GrainTestCluster.StartAsync(storage.Storage);
        await cluster.AddCandidateAsync("c1");
        await cluster.AddCandidateAsync("c2");
        await cluster.AddInterviewerAsync("i1");
        var slot = new TimeRange(GrainTestCluster.Start.AddDays(1).AddHours(1), GrainTestCluster.Start.AddDays(1).AddHours(2));
        var request = cluster.Request("r1");
        var key = GrainTestCluster.RequestKey("r1");

        // The candidate's confirmation (first in key order) is stored, the interviewer's fails: the
        // request dies between confirmations, leaving a booking on the candidate only.
        storage.Arm(GrainKeys.For(GrainTestCluster.Tenant, "i1"));
        await request.Submit(GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook, slot));
        await TestSiloHost.WaitUntilAsync(() => storage.Failed);
        Assert.Equal(key, Assert.Single(await cluster.Participant("c1").ListBookings()).RequestId);

        // Once the holds expired, another request takes the interviewer's only slot of the window.
        cluster.Time.Advance(TimeSpan.FromMinutes(2.5));
        var other = cluster.Request("r2");
        await GrainTestCluster.SubmitAndWaitAsync(other, GrainTestCluster.Spec("c2", ["i1"], SchedulingMode.AutoBook, slot), RequestStatus.Booked);

        // The reminder resumes r1: the interviewer refuses its stored target and nothing else fits.
        cluster.Time.Advance(TimeSpan.FromMinutes(1));
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.NoAvailability);
        Assert.Empty(await cluster.Participant("c1").ListBookings());
        Assert.Empty(await cluster.Participant("c1").ListHolds());
    }

    /// <summary>Storage that fails the first participant write containing a booking, once armed.</summary>
    private sealed class FailOnceStorage
    {
        private int _armed;
        private string? _only;

        public FailOnceStorage() => Storage = new RecordingGrainStorage { FailWrite = ShouldFail };

        public RecordingGrainStorage Storage { get; }

        public bool Failed { get; private set; }

        /// <summary>Fails the next participant write with a booking, of <paramref name="participantKey"/> only when given.</summary>
        public void Arm(string? participantKey = null)
        {
            _only = participantKey;
            Interlocked.Exchange(ref _armed, 1);
        }

        private bool ShouldFail(GrainId grainId, string stateName, object? state)
        {
            if (state is ParticipantState { Bookings.Count: > 0 } && (_only is null || grainId.Key.ToString() == _only)
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Failed = true;
                return true;
            }

            return false;
        }
    }
}
