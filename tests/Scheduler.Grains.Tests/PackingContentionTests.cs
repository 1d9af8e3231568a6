using Xunit.Abstractions;

namespace Scheduler.Grains.Tests;

public sealed class PackingContentionTests(ITestOutputHelper output)
{
    private const int Requests = 60;

    /// <summary>Tuesday 2026-01-06 00:00 UTC: the day every round books into.</summary>
    private static readonly DateTimeOffset Day = GrainTestCluster.Start.AddDays(1).AddHours(-9);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task AutoBook_60ConcurrentRequestsFor3InterviewersWith6FreeHours_BooksAllThatFit(int seed)
    {
        var free = ContentionLayout.SixFreeHours(seed, Day);
        var interviewers = free.Keys.ToArray();
        var capacity = free.Values.Sum(ContentionLayout.OneHourInterviews);
        await using var cluster = await GrainTestCluster.StartAsync();
        foreach (var (id, stretches) in free)
        {
            await cluster.AddInterviewerAsync(id);
            await cluster.Participant(id).ReplaceBlocks([.. ContentionLayout.BusyAround(Day, stretches).Select(b => new BusyBlock(b.Start, b.End, "meeting"))]);
            output.WriteLine($"{id} free {string.Join(", ", stretches.Select(s => $"{s.Start:HH:mm}-{s.End:HH:mm}"))}");
        }

        await cluster.Pool("panel").Upsert(new PoolDefinition(interviewers, PoolStrategy.LeastLoaded));
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(n => cluster.AddCandidateAsync($"c{n}")));
        var window = new TimeRange(Day, Day.AddDays(1));

        await Task.WhenAll(Enumerable.Range(0, Requests).Select(n =>
        {
            // Half name one interviewer, half draw from the pool of all three: everyone contends for the same six hours.
            var stage = n % 2 == 0
                ? new StageSpec("screen", 60, [interviewers[n / 2 % interviewers.Length]])
                : new StageSpec("screen", 60, []) { Pools = [new PoolSlotSpec("panel", 1)] };
            return cluster.Request($"r{n}").Submit(new InterviewRequestSpec($"c{n}", [stage], window) { Mode = SchedulingMode.AutoBook });
        }));

        var views = await Task.WhenAll(Enumerable.Range(0, Requests).Select(n =>
            GrainTestCluster.WaitForAsync(cluster.Request($"r{n}"), GrainTestCluster.IsSettled, TimeSpan.FromSeconds(60))));

        foreach (var group in views.GroupBy(v => (v.Status, v.ReasonCode)))
        {
            output.WriteLine($"{group.Key.Status} {group.Key.ReasonCode}: {group.Count()}");
        }

        foreach (var id in interviewers)
        {
            var bookings = await cluster.Participant(id).ListBookings();
            output.WriteLine($"{id} booked {string.Join(", ", bookings.Select(b => b.Intervals[0]).OrderBy(i => i.Start).Select(i => $"{i.Start:HH:mm}-{i.End:HH:mm}"))}");
        }

        var booked = views.Count(v => v.Status == RequestStatus.Booked);
        output.WriteLine($"booked {booked} of {capacity} that fit");
        Assert.Equal(capacity, booked);
    }
}
