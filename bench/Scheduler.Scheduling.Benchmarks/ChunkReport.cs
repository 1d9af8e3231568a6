namespace Scheduler.Scheduling.Benchmarks;

/// <summary>
/// A plain timed run of the batch planner's engine work on the load driver's batch (bench/Scheduler.LoadDriver): N
/// one-interviewer, 60-minute auto-book requests over a 14-day window, interviewers in four zones working 09:00–17:00
/// with at most 4 interviews a day, a fifth of them asked for half the time, each candidate in four requests. Requests
/// are sorted by interviewer and cut into chunks (as the Gateway's batch partition does), and each chunk is optimized
/// on its own with <see cref="BatchScheduler"/>. Prints, per chunk size, greedy + repair (the default repair and the
/// planner's single sweep) and the planner's setting with CP-SAT side by side: time in total and for the slowest
/// chunk, bookings, first come first served, the sum of the chunks' proven bounds, and how the solver ended.
/// </summary>
internal static class ChunkReport
{
    public static void Run(string[] args)
    {
        var requestCount = BenchArgs.Int(args, "--requests", 10_000);
        var interviewerCount = BenchArgs.Int(args, "--interviewers", 1_000);
        var random = new Random(42);
        var people = new List<ParticipantAvailabilityInput>();
        for (var i = 0; i < interviewerCount; i++)
        {
            people.Add(new ParticipantAvailabilityInput($"i{i:D4}", Workload.Zones[i % Workload.Zones.Length], [Workload.NineToFive]) { MaxInterviewsPerDay = 4 });
        }

        var candidateCount = Math.Max(1, requestCount / 4);
        for (var c = 0; c < candidateCount; c++)
        {
            people.Add(new ParticipantAvailabilityInput($"c{c:D5}", Workload.Zones[(c + 1) % Workload.Zones.Length], [Workload.NineToFive]));
        }

        var window = new TimeInterval(Workload.WindowStart, Workload.WindowStart + Duration.FromDays(14));
        var requests = Enumerable.Range(0, requestCount).Select(r =>
        {
            var interviewer = Workload.PickInterviewer(random, interviewerCount);
            return new SchedulingRequest($"c{r % candidateCount:D5}", [new StageRequest("interview", 60, [$"i{interviewer:D4}"])], window) { RequestId = $"r{r}", MaxProposals = 10 };
        }).OrderBy(r => r.Stages[0].InterviewerIds[0], StringComparer.Ordinal).ToArray();

        var budget = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--budget-ms", (int)BatchOptions.DefaultSolverTimeLimit.TotalMilliseconds));
        foreach (var chunk in new[] { 50, 200, 1_000 })
        {
            foreach (var options in new[] { BatchOptions.Default with { SolverTimeLimit = TimeSpan.Zero }, new BatchOptions(RepairPasses: 1, RepairDepth: 1) { SolverTimeLimit = TimeSpan.Zero }, new BatchOptions(RepairPasses: 1, RepairDepth: 1) { SolverTimeLimit = budget } })
            {
                var tally = PlanTally.Run(requests.Chunk(chunk), people, options);
                Console.WriteLine($"chunk {chunk,5}, passes {options.RepairPasses}, depth {options.RepairDepth}, CP-SAT {options.SolverTimeLimit.TotalMilliseconds} ms: {tally}");
            }
        }
    }
}
