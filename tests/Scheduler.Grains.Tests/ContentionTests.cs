namespace Scheduler.Grains.Tests;

public sealed class ContentionTests
{
    private const int Requests = 200;
    private static readonly string[] Interviewers = ["i1", "i2", "i3", "i4", "i5"];

    [Fact]
    public async Task AutoBook_200ConcurrentRequestsFor5Interviewers_NoOverlapsAndAllTerminal()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        foreach (var id in Interviewers)
        {
            await cluster.AddInterviewerAsync(id, bufferMinutes: 10, maxPerDay: 6);
        }

        await cluster.Pool("panel").Upsert(new PoolDefinition(Interviewers, PoolStrategy.LeastLoaded));
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(n => cluster.AddCandidateAsync($"c{n}")));
        var window = new TimeRange(GrainTestCluster.Start.AddDays(1).AddHours(-9), GrainTestCluster.Start.AddDays(5).AddHours(-9));

        await Task.WhenAll(Enumerable.Range(0, Requests).Select(n =>
        {
            // Half name an interviewer directly, half draw from the pool: both contend for the same people.
            var stage = n % 2 == 0
                ? new StageSpec("screen", 60, [Interviewers[n % Interviewers.Length]])
                : new StageSpec("screen", 60, []) { Pools = [new PoolSlotSpec("panel", 1)] };
            return cluster.Request($"r{n}").Submit(new InterviewRequestSpec($"c{n}", [stage], window) { Mode = SchedulingMode.AutoBook });
        }));

        var views = await Task.WhenAll(Enumerable.Range(0, Requests).Select(n =>
            GrainTestCluster.WaitForAsync(cluster.Request($"r{n}"), GrainTestCluster.IsSettled, TimeSpan.FromSeconds(45))));

        Assert.All(views, v => Assert.True(
            v.Status == RequestStatus.Booked || (v.Status == RequestStatus.NoAvailability && !string.IsNullOrWhiteSpace(v.Reason)),
            $"{v.Id} ended {v.Status}: {v.Reason}"));
        var booked = views.Where(v => v.Status == RequestStatus.Booked).ToArray();
        Assert.NotEmpty(booked);

        var bookedInterviews = 0;
        foreach (var id in Interviewers)
        {
            var bookings = await cluster.Participant(id).ListBookings();
            bookedInterviews += bookings.Count;
            GrainTestCluster.AssertNoOverlaps(id, bookings, bufferMinutes: 10);
            var perDay = bookings.GroupBy(b => b.Intervals[0].Start.UtcDateTime.Date);
            Assert.All(perDay, g => Assert.True(g.Count() <= 6, $"{id} has {g.Count()} interviews on {g.Key:yyyy-MM-dd}"));
        }

        // Every booked request is booked on exactly one interviewer, and nothing else is.
        Assert.Equal(booked.Length, bookedInterviews);
        foreach (var view in booked)
        {
            var stage = Assert.Single(view.Booking!.Stages);
            var interviewer = Assert.Single(stage.InterviewerIds);
            var bookings = await cluster.Participant(interviewer).ListBookings();
            Assert.Contains(bookings, b => b.RequestId == GrainTestCluster.RequestKey(view.Id) && b.Intervals[0].Start == stage.Start);
        }
    }
}
