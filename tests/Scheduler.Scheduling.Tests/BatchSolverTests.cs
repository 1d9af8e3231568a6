using Google.OrTools.Sat;
using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class BatchSolverTests
{
    private static readonly BatchOptions WithoutSolver = BatchOptions.Default with { SolverTimeLimit = TimeSpan.Zero };

    [Fact]
    public void Schedule_DailyCapBlocksWithoutOverlap_SolverBooksBothWhereGreedyAndRepairBookOne()
    {
        var (requests, people) = CapContest();

        var result = BatchScheduler.Schedule(requests, people, Now);

        Assert.Equal(1, result.GreedyBookedCount);
        Assert.Equal(2, result.BookedCount);
        Assert.Equal("cpSat", result.Strategy);
        Assert.Equal(BatchSolverStatus.Optimal, result.Solver.Status);
        Assert.True(result.Solver.OptimalityProven);
        Assert.Equal(2, result.Solver.BookedBound);
        Assert.Equal(2, result.UpperBound);
        Assert.Equal(Utc(2026, 3, 3, 9), result.Assignments[0].Option!.Start);
        Assert.Equal(Monday.InUtc().Date, result.Assignments[1].Option!.Start.InUtc().Date);
        BatchSchedulerTests.AssertConflictFree(result);
    }

    /// <summary>
    /// Two requests at different times each need one member of a pool of two with equal load. The heuristics take the
    /// first member in fairness order both times; the solver's third goal (the busiest member as little loaded as
    /// possible) gives one interview to each.
    /// </summary>
    [Fact]
    public void Schedule_PoolMembersEquallyLoaded_SolverSpreadsTheBatchAcrossThem()
    {
        var people = new[]
        {
            Person("p1", UtcZone), Person("p2", UtcZone),
            Person("c1", UtcZone, Span(Utc(2026, 3, 2, 10), 420)),
            Person("c2", UtcZone, Span(Utc(2026, 3, 2, 9), 120), Span(Utc(2026, 3, 2, 12), 300)),
        };
        var stage = new StageRequest("Interview", 60, []) { Pools = [new PoolRequirement("pool", 1, ["p1", "p2"])] };
        var requests = new[]
        {
            new SchedulingRequest("c1", [stage], Days(Monday, 1)) { RequestId = "r1" },
            new SchedulingRequest("c2", [stage], Days(Monday, 1)) { RequestId = "r2" },
        };

        var heuristic = BatchScheduler.Schedule(requests, people, Now, WithoutSolver);
        var result = BatchScheduler.Schedule(requests, people, Now);

        Assert.Equal(["p1", "p1"], heuristic.Assignments.Select(a => a.Option!.Stages[0].InterviewerIds.Single()));
        Assert.Equal("cpSat", result.Strategy);
        Assert.Equal(BatchSolverStatus.Optimal, result.Solver.Status);
        Assert.Equal(2, result.BookedCount);
        Assert.Equal(["p1", "p2"], result.Assignments.Select(a => a.Option!.Stages[0].InterviewerIds.Single()).Order());
    }

    [Fact]
    public void Schedule_BudgetZero_ReturnsTheGreedyRepairPlanAndSaysTheSolverDidNotRun()
    {
        var (requests, people) = CapContest();

        var result = BatchScheduler.Schedule(requests, people, Now, WithoutSolver);

        Assert.Equal(1, result.BookedCount);
        Assert.NotEqual("cpSat", result.Strategy);
        Assert.Equal(BatchSolverReport.NotRun, result.Solver);
        Assert.False(result.Solver.OptimalityProven);
    }

    [Fact]
    public void Schedule_NativeLibraryFailsToLoad_FallsBackToTheGreedyRepairPlanAndSaysWhy()
    {
        var (requests, people) = CapContest();
        var unloadable = new CpSatBatchSolver(() => throw new TypeInitializationException("Google.OrTools.Sat.operations_research_satPINVOKE", new DllNotFoundException("Unable to load shared library 'google-ortools-native'")));

        var result = BatchScheduler.ScheduleWith(unloadable, requests, people, Now, null);
        var fallback = BatchScheduler.Schedule(requests, people, Now, WithoutSolver);

        Assert.Equal(BatchSolverStatus.Unavailable, result.Solver.Status);
        Assert.Contains("google-ortools-native", result.Solver.Message, StringComparison.Ordinal);
        Assert.Null(result.Solver.BookedBound);
        Assert.Equal(fallback.Strategy, result.Strategy);
        Assert.Equal(Starts(fallback), Starts(result));
    }

    [Fact]
    public void Schedule_ContendedBatch_BoundIsAtLeastBookedAndOptimumProven()
    {
        var (requests, people) = Contended(seed: 7, requests: 40);

        var result = BatchScheduler.Schedule(requests, people, Now);

        Assert.Equal(BatchSolverStatus.Optimal, result.Solver.Status);
        Assert.NotNull(result.Solver.BookedBound);
        Assert.Equal(result.BookedCount, result.Solver.BookedBound);
        Assert.True(result.UpperBound >= result.BookedCount);
        Assert.True(result.BookedCount >= result.GreedyBookedCount);
    }

    [Fact]
    public void Schedule_ContendedBatches_EverySolverPlanPassesTheIndependentChecks()
    {
        var solverWins = 0;
        var bookedMore = 0;
        for (var seed = 1; seed <= 8; seed++)
        {
            var (requests, people) = Contended(seed, requests: 60);
            var scenario = new Scenario(Now, people, requests);

            var result = BatchScheduler.Schedule(requests, people, Now);

            solverWins += result.Strategy == "cpSat" ? 1 : 0;
            bookedMore += result.BookedCount > BatchScheduler.Schedule(requests, people, Now, WithoutSolver).BookedCount ? 1 : 0;
            var others = new List<(string Person, Intervals.TimeInterval Interval, string Request)>();
            foreach (var a in result.Assignments.Where(a => a.IsBooked))
            {
                Assert.Null(Oracle.Check(scenario, requests[a.Index], a.Option!, others));
                foreach (var stage in a.Option!.Stages)
                {
                    others.Add((requests[a.Index].CandidateId, stage.Interval, requests[a.Index].RequestId));
                    others.AddRange(stage.InterviewerIds.Select(id => (id, stage.Interval, requests[a.Index].RequestId)));
                }
            }
        }

        Assert.True(solverWins >= 4, $"CP-SAT's plan won in {solverWins} of 8 batches.");
        Assert.True(bookedMore >= 1, $"CP-SAT booked more than greedy + repair in {bookedMore} of 8 batches.");
    }

    [Fact]
    public void Schedule_SameContendedInputTwice_SamePlan()
    {
        var (requests, people) = Contended(seed: 11, requests: 60);

        var first = BatchScheduler.Schedule(requests, people, Now);
        var second = BatchScheduler.Schedule(requests, people, Now);

        Assert.Equal(Plan(first), Plan(second));
        Assert.Equal(first.Solver, second.Solver);
        Assert.Equal(first.Strategy, second.Strategy);
    }

    [Fact]
    public void Schedule_SolvedInChunks_NoChunkCountsAsAProofOfTheWhole()
    {
        var (requests, people) = Contended(seed: 3, requests: 60);

        var whole = BatchScheduler.Schedule(requests, people, Now);
        var chunked = BatchScheduler.Schedule(requests, people, Now, BatchOptions.Default with { SolverChunkSize = 15 });

        Assert.True(chunked.Solver.Chunks >= 4);
        Assert.Equal(BatchSolverStatus.Feasible, chunked.Solver.Status);
        Assert.Null(chunked.Solver.BookedBound);
        Assert.True(chunked.BookedCount <= whole.Solver.BookedBound);
        Assert.True(chunked.BookedCount >= chunked.GreedyBookedCount);
    }

    [Fact]
    public void Schedule_SolverTimeLimitOutOfRange_Throws()
    {
        var (requests, people) = CapContest();

        Assert.Throws<ArgumentOutOfRangeException>(() => BatchScheduler.Schedule(requests, people, Now, BatchOptions.Default with { SolverTimeLimit = TimeSpan.FromMinutes(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchScheduler.Schedule(requests, people, Now, BatchOptions.Default with { SolverTimeLimit = TimeSpan.FromHours(1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchScheduler.Schedule(requests, people, Now, BatchOptions.Default with { SolverChunkSize = 0 }));
    }

    [Fact]
    public void CpSolver_NativeLibrary_LoadsOnThisPlatform()
    {
        using var solver = new CpSolver();
        var model = new CpModel();
        var x = model.NewBoolVar("x");
        model.Maximize(x);

        Assert.Equal(CpSolverStatus.Optimal, solver.Solve(model, null));
    }

    /// <summary>
    /// Interviewer x takes at most one interview a day and is free Monday and Tuesday. Request "a" (first in line) can be
    /// at 09:00 Monday (earlier, so better) or 09:00 Tuesday; request "b" only on Monday afternoon (13:00–16:00, nine
    /// starts, so it has more options than "a"). Greedy gives Monday to "a" and the cap shuts "b" out; no booking
    /// overlaps "b"'s options, so a repair finds nothing to move, and most-constrained-first places "a" (fewer options)
    /// first as well. Only moving "a" to Tuesday books both.
    /// </summary>
    private static (SchedulingRequest[] Requests, ParticipantAvailabilityInput[] People) CapContest()
    {
        var x = Person("x", UtcZone) with { MaxInterviewsPerDay = 1 };
        var ca = Person("ca", UtcZone, Span(Utc(2026, 3, 2, 10), 420), Span(Utc(2026, 3, 3, 10), 420));
        var cb = Person("cb", UtcZone, Span(Utc(2026, 3, 2, 9), 240), Span(Utc(2026, 3, 2, 16), 60), Days(Utc(2026, 3, 3, 0), 1));
        var window = Days(Monday, 2);
        return ([Single("ca", 60, window, "x") with { RequestId = "a" }, Single("cb", 60, window, "x") with { RequestId = "b" }], [x, ca, cb]);
    }

    /// <summary>
    /// A seeded contended batch: three interviewers (buffers 10 minutes, at most 3 a day) over two days, each candidate free
    /// for one to three hours on one day, each request asking for one or two of the interviewers for 45 or 60 minutes.
    /// </summary>
    internal static (SchedulingRequest[] Requests, ParticipantAvailabilityInput[] People) Contended(int seed, int requests)
    {
        var random = new Random(seed);
        var people = new List<ParticipantAvailabilityInput>();
        string[] interviewers = ["x", "y", "z"];
        people.AddRange(interviewers.Select(id => Person(id, UtcZone) with { BufferBeforeMinutes = 10, BufferAfterMinutes = 10, MaxInterviewsPerDay = 3 }));
        var list = new List<SchedulingRequest>();
        var window = Days(Monday, 2);
        for (var r = 0; r < requests; r++)
        {
            var day = random.Next(2);
            var from = Utc(2026, 3, 2 + day, 9) + Duration.FromMinutes(30 * random.Next(14));
            var free = Span(from, 60 * random.Next(1, 4));
            people.Add(Person($"c{r}", UtcZone, new Intervals.TimeInterval(Monday, free.Start), new Intervals.TimeInterval(free.End, window.End)));
            var panel = interviewers.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            list.Add(Single($"c{r}", random.Next(2) == 0 ? 45 : 60, window, panel) with { RequestId = $"r{r}" });
        }

        return ([.. list], [.. people]);
    }

    private static List<string> Starts(BatchResult result) =>
        [.. result.Assignments.Select(a => a.Option is null ? "-" : a.Option.Start.ToString())];

    private static List<string> Plan(BatchResult result) =>
        [.. result.Assignments.Select(a => a.Option is null ? "-" : string.Join(";", a.Option.Stages.Select(s => $"{s.Start} {string.Join(",", s.InterviewerIds)}")))];
}
