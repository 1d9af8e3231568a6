using System.Globalization;

namespace Scheduler.Scheduling.Benchmarks;

/// <summary>Plans chunks one after another with one setting and adds up what came out: bookings, bounds, proofs and time.</summary>
internal sealed class PlanTally
{
    private readonly Dictionary<BatchSolverStatus, int> _statuses = [];

    public int Chunks { get; private set; }

    public int Booked { get; private set; }

    public int Greedy { get; private set; }

    public int Bound { get; private set; }

    /// <summary>Chunks whose booked count equals their proven bound.</summary>
    public int CountProven { get; private set; }

    /// <summary>The lowest booked / bound over chunks where the solver proved its optimum (1 when there are none).</summary>
    public double WorstRatioWhereProven { get; private set; } = 1;

    public double TotalScore { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan WorstChunk { get; private set; }

    /// <summary>Processor time of the whole process while the chunks were planned (less sensitive than wall time to other load on the machine).</summary>
    public TimeSpan Cpu { get; private set; }

    public double DeterministicSeconds { get; private set; }

    public static PlanTally Run(IEnumerable<IReadOnlyList<SchedulingRequest>> chunks, IReadOnlyCollection<ParticipantAvailabilityInput> people, BatchOptions options)
    {
        var tally = new PlanTally();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var chunk in chunks)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = BatchScheduler.Schedule(chunk, people, Workload.Now, options);
            stopwatch.Stop();
            tally.Add(result, stopwatch.Elapsed);
        }

        tally.Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return tally;
    }

    public string Statuses => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Elapsed.TotalSeconds:0.00} s, CPU {Cpu.TotalSeconds:0.00} s (worst chunk {WorstChunk.TotalMilliseconds:0} ms), booked {Booked}, greedy {Greedy}, bound {Bound}, count proven in {CountProven}/{Chunks}, worst booked/optimum {WorstRatioWhereProven:P2}, solver: {Statuses}, {DeterministicSeconds:0.00} deterministic s");

    private void Add(BatchResult result, TimeSpan elapsed)
    {
        Chunks++;
        Booked += result.BookedCount;
        Greedy += result.GreedyBookedCount;
        Bound += result.UpperBound;
        TotalScore += result.TotalScore;
        CountProven += result.BookedCount == result.UpperBound ? 1 : 0;
        if (result.Solver.OptimalityProven && result.UpperBound > 0)
        {
            WorstRatioWhereProven = Math.Min(WorstRatioWhereProven, (double)result.BookedCount / result.UpperBound);
        }

        Elapsed += elapsed;
        WorstChunk = elapsed > WorstChunk ? elapsed : WorstChunk;
        DeterministicSeconds += result.Solver.DeterministicSeconds;
        _statuses[result.Solver.Status] = _statuses.GetValueOrDefault(result.Solver.Status) + 1;
    }
}
