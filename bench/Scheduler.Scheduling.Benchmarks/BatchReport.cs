namespace Scheduler.Scheduling.Benchmarks;

/// <summary>
/// A plain timed run (BenchmarkDotNet would repeat it too often): 10,000 requests over 1,000 interviewers in four zones,
/// a 14-day window, 40 calendar events per interviewer, caps 3 a day and 10 a week. Interviewer demand is skewed (a
/// fifth of the interviewers are asked for half the time); each request has a panel of 1 or 2, 45 or 60 minutes, and one
/// in ten is a two-stage loop. Prints, for greedy + repair and then with CP-SAT (in solver chunks, see
/// <see cref="BatchOptions.SolverChunkSize"/>), the time, greedy vs optimizer bookings and the bounds on the optimum.
/// </summary>
internal static class BatchReport
{
    public static void Run(string[] args)
    {
        var requestCount = BenchArgs.Int(args, "--requests", 10_000);
        var interviewerCount = BenchArgs.Int(args, "--interviewers", 1_000);
        var random = new Random(42);
        var people = new List<ParticipantAvailabilityInput>(requestCount + interviewerCount);
        for (var i = 0; i < interviewerCount; i++)
        {
            var zone = Workload.Zones[i % Workload.Zones.Length];
            people.Add(Workload.Participant($"i{i}", zone, Workload.Busy(random, zone, 40, 14)));
        }

        var requests = new List<SchedulingRequest>(requestCount);
        var window = new TimeInterval(Workload.WindowStart, Workload.WindowStart + Duration.FromDays(14));
        for (var r = 0; r < requestCount; r++)
        {
            var zone = Workload.Zones[random.Next(Workload.Zones.Length)];
            people.Add(new ParticipantAvailabilityInput($"c{r}", zone, [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(8, 0), new LocalTime(19, 0))])
            {
                Busy = Workload.Busy(random, zone, 10, 14),
            });
            var panel = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Workload.PickInterviewer(random, interviewerCount)).Distinct().Select(i => $"i{i}").ToArray();
            var minutes = random.Next(2) == 0 ? 45 : 60;
            var stages = random.Next(10) == 0
                ? new[] { new StageRequest("One", minutes, panel), new StageRequest("Two", 45, [$"i{Workload.PickInterviewer(random, interviewerCount)}"]) }
                : [new StageRequest("Interview", minutes, panel)];
            requests.Add(new SchedulingRequest($"c{r}", stages.DistinctBy(s => string.Join(",", s.InterviewerIds)).Count() == stages.Length ? stages : [stages[0]], window)
            {
                RequestId = $"r{r}",
                MinimumNoticeMinutes = 24 * 60,
            });
        }

        Console.WriteLine($"Batch: {requests.Count} requests, {interviewerCount} interviewers, {people.Count} participants");
        var budget = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--budget-ms", (int)BatchOptions.DefaultSolverTimeLimit.TotalMilliseconds));
        var solverChunk = BenchArgs.Int(args, "--solver-chunk", BatchOptions.Default.SolverChunkSize);
        foreach (var options in new[] { BatchOptions.Default with { SolverTimeLimit = TimeSpan.Zero }, BatchOptions.Default with { SolverTimeLimit = budget, SolverChunkSize = solverChunk } })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var result = BatchScheduler.Schedule(requests, people, Workload.Now, options);
            stopwatch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var solver = result.Solver;
            Console.WriteLine($"CP-SAT {options.SolverTimeLimit.TotalMilliseconds} ms per chunk of {options.SolverChunkSize}:");
            Console.WriteLine($"  elapsed:        {stopwatch.Elapsed.TotalSeconds:0.00} s (CPU {cpu.TotalSeconds:0.00} s)");
            Console.WriteLine($"  greedy booked:  {result.GreedyBookedCount}");
            Console.WriteLine($"  booked:         {result.BookedCount} ({result.Strategy})");
            Console.WriteLine($"  upper bound:    {result.UpperBound}");
            Console.WriteLine($"  solver:         {solver.Status}, bound {solver.BookedBound?.ToString() ?? "none"}, {solver.ChunksOptimal}/{solver.Chunks} chunks optimal, {solver.DeterministicSeconds:0.00} deterministic s");
            Console.WriteLine($"  no option:      {result.Assignments.Count(a => a.NoAvailability is { Reason: not NoAvailabilityReason.TakenByOtherRequests })}");
            Console.WriteLine($"  total score:    {result.TotalScore:0.0}");
        }
    }
}
