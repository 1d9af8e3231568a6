using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class BatchSchedulerTests
{
    /// <summary>
    /// Interviewer x is free 09:00–10:00 and 11:00–12:00. Request "flexible" (first in line) prefers 09:00 and could
    /// also take 11:00; request "only" can only be at 09:00 (its candidate is free only then). Greedy gives 09:00 to
    /// "flexible" and books one; the optimizer books both.
    /// </summary>
    [Fact]
    public void Schedule_GreedyBlocksSingleOptionRequest_OptimizerBooksStrictlyMore()
    {
        var x = Person("x", UtcZone, Span(Utc(2026, 3, 2, 10), 60), Span(Utc(2026, 3, 2, 12), 300));
        var flexible = Person("c1", UtcZone);
        var only = Person("c2", UtcZone, Span(Utc(2026, 3, 2, 10), 420));
        var window = Days(Monday, 1);
        var requests = new[]
        {
            Single("c1", 60, window, "x") with { RequestId = "flexible" },
            Single("c2", 60, window, "x") with { RequestId = "only" },
        };

        var result = BatchScheduler.Schedule(requests, [x, flexible, only], Now);

        Assert.Equal(1, result.GreedyBookedCount);
        Assert.Equal(2, result.BookedCount);
        Assert.Equal(2, result.UpperBound);
        Assert.NotEqual("greedy", result.Strategy);
        Assert.Equal(Utc(2026, 3, 2, 9), result.Assignments[1].Option!.Start);
        Assert.Equal(Utc(2026, 3, 2, 11), result.Assignments[0].Option!.Start);
    }

    [Fact]
    public void Schedule_ChainOfMoves_RepairSeatsRequestGreedyCannot()
    {
        // Three slots 09, 11, 13 for x. r0 can take 09 or 11, r1 can take 11 or 13, r2 only 09; r1 prefers 11 (earlier).
        var x = Person("x", UtcZone, Span(Utc(2026, 3, 2, 10), 60), Span(Utc(2026, 3, 2, 12), 60), Span(Utc(2026, 3, 2, 14), 180));
        var c0 = Person("c0", UtcZone, Span(Utc(2026, 3, 2, 12), 300));
        var c1 = Person("c1", UtcZone, Span(Utc(2026, 3, 2, 9), 120));
        var c2 = Person("c2", UtcZone, Span(Utc(2026, 3, 2, 10), 420));
        var window = Days(Monday, 1);
        var requests = new[] { Single("c0", 60, window, "x"), Single("c1", 60, window, "x"), Single("c2", 60, window, "x") };

        var result = BatchScheduler.Schedule(requests, [x, c0, c1, c2], Now);

        Assert.Equal(3, result.BookedCount);
        Assert.True(result.GreedyBookedCount < 3);
        AssertConflictFree(result);
    }

    [Fact]
    public void Schedule_CapsAcrossBatch_NeverExceeded()
    {
        var x = Person("x", UtcZone) with { MaxInterviewsPerDay = 2 };
        var people = new List<ParticipantAvailabilityInput> { x };
        var requests = new List<SchedulingRequest>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(Person($"c{i}", UtcZone));
            requests.Add(Single($"c{i}", 30, Days(Monday, 1), "x"));
        }

        var result = BatchScheduler.Schedule(requests, people, Now);

        Assert.Equal(2, result.BookedCount);
        Assert.Equal(2, result.UpperBound);
        Assert.All(result.Assignments.Where(a => !a.IsBooked), a => Assert.Equal(NoAvailabilityReason.TakenByOtherRequests, a.NoAvailability!.Reason));
    }

    [Fact]
    public void Schedule_RequestWithoutOptions_CarriesItsDiagnosis()
    {
        var people = new[] { Person("x", UtcZone, Days(Monday, 1)), Person("c", UtcZone) };

        var result = BatchScheduler.Schedule([Single("c", 30, Days(Monday, 1), "x") with { RequestId = "r" }], people, Now);

        var assignment = Assert.Single(result.Assignments);
        Assert.Equal("r", assignment.RequestId);
        Assert.Equal(NoAvailabilityReason.BusyAllWorkingHours, assignment.NoAvailability!.Reason);
        Assert.Equal(0, result.UpperBound);
    }

    [Fact]
    public void Schedule_BuffersBetweenBatchBookings_AreKept()
    {
        var x = Person("x", UtcZone) with { BufferBeforeMinutes = 10, BufferAfterMinutes = 20 };
        var people = new List<ParticipantAvailabilityInput> { x };
        var requests = new List<SchedulingRequest>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(Person($"c{i}", UtcZone));
            requests.Add(Single($"c{i}", 30, Days(Monday, 1), "x"));
        }

        var result = BatchScheduler.Schedule(requests, people, Now);

        var starts = result.Assignments.Where(a => a.IsBooked).Select(a => a.Option!).OrderBy(o => o.Start).ToList();
        Assert.True(starts.Count >= 8);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second.Start - pair.First.End >= Duration.FromMinutes(20)));
    }

    internal static void AssertConflictFree(BatchResult result)
    {
        var byPerson = new Dictionary<string, List<TimeInterval>>();
        foreach (var a in result.Assignments.Where(a => a.IsBooked))
        {
            foreach (var stage in a.Option!.Stages)
            {
                foreach (var id in stage.InterviewerIds)
                {
                    (byPerson.TryGetValue(id, out var l) ? l : byPerson[id] = []).Add(stage.Interval);
                }
            }
        }

        foreach (var intervals in byPerson.Values)
        {
            var sorted = intervals.OrderBy(i => i.Start).ToList();
            Assert.All(sorted.Zip(sorted.Skip(1)), pair => Assert.False(pair.First.Overlaps(pair.Second)));
        }
    }
}
