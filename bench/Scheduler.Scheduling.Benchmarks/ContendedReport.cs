namespace Scheduler.Scheduling.Benchmarks;

/// <summary>
/// Small contended batches from a seeded generator, where first come, first served is measurably short of the optimum:
/// 100 requests over five interviewers in UTC (09:00–17:00, 10-minute buffers, at most 4 interviews a day) and three
/// days; each candidate is free for one to three hours on one of the days (starting on the half hour); each request
/// asks for one or two of the interviewers for 45 or 60 minutes. For each seed, prints first come first served,
/// greedy + repair, CP-SAT with the default budget, and the optimum CP-SAT proves with a long budget.
/// </summary>
internal static class ContendedReport
{
    public static void Run(string[] args)
    {
        var seeds = BenchArgs.Int(args, "--seeds", 10);
        var requestCount = BenchArgs.Int(args, "--requests", 100);
        var proofBudget = TimeSpan.FromSeconds(BenchArgs.Int(args, "--proof-seconds", 60));
        Console.WriteLine("seed | greedy | greedy+repair | CP-SAT (status, ms) | proven optimum (status) | CP-SAT / optimum");
        foreach (var seed in Enumerable.Range(1, seeds))
        {
            var (requests, people) = Generate(seed, requestCount);
            var repaired = BatchScheduler.Schedule(requests, people, Workload.Now, BatchOptions.Default with { SolverTimeLimit = TimeSpan.Zero });
            var stopwatch = Stopwatch.StartNew();
            var solved = BatchScheduler.Schedule(requests, people, Workload.Now);
            stopwatch.Stop();
            var proof = BatchScheduler.Schedule(requests, people, Workload.Now, BatchOptions.Default with { SolverTimeLimit = proofBudget });
            var optimum = proof.Solver.OptimalityProven ? proof.BookedCount.ToString() : $"≤ {proof.UpperBound}";
            var ratio = proof.Solver.OptimalityProven ? $"{(double)solved.BookedCount / proof.BookedCount:P1}" : "n/a";
            Console.WriteLine($"{seed} | {repaired.GreedyBookedCount} | {repaired.BookedCount} | {solved.BookedCount} ({solved.Solver.Status}, {stopwatch.Elapsed.TotalMilliseconds:0}) | {optimum} ({proof.Solver.Status}) | {ratio}");
        }
    }

    private static (SchedulingRequest[] Requests, ParticipantAvailabilityInput[] People) Generate(int seed, int count)
    {
        var random = new Random(seed);
        var people = new List<ParticipantAvailabilityInput>();
        var interviewers = Enumerable.Range(0, 5).Select(i => $"i{i}").ToArray();
        people.AddRange(interviewers.Select(id => new ParticipantAvailabilityInput(id, DateTimeZone.Utc, [Workload.NineToFive])
        {
            BufferBeforeMinutes = 10,
            BufferAfterMinutes = 10,
            MaxInterviewsPerDay = 4,
        }));
        var window = new TimeInterval(Workload.WindowStart, Workload.WindowStart + Duration.FromDays(3));
        var requests = new SchedulingRequest[count];
        for (var r = 0; r < count; r++)
        {
            var from = Workload.WindowStart + Duration.FromDays(random.Next(3)) + Duration.FromHours(9) + Duration.FromMinutes(30 * random.Next(14));
            var to = from + Duration.FromHours(random.Next(1, 4));
            people.Add(new ParticipantAvailabilityInput($"c{r}", DateTimeZone.Utc, [Workload.NineToFive])
            {
                Busy = IntervalSet.From([new TimeInterval(window.Start, from), new TimeInterval(to, window.End)]),
            });
            var panel = interviewers.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            requests[r] = new SchedulingRequest($"c{r}", [new StageRequest("Interview", random.Next(2) == 0 ? 45 : 60, panel)], window) { RequestId = $"r{r}" };
        }

        return (requests, [.. people]);
    }
}
