namespace Scheduler.Scheduling.Batch;

/// <summary>Tuning of the batch optimizer.</summary>
/// <param name="OptionsPerRequest">
/// How many options per request (best-scoring, spread across days as for proposals) the optimizer may move a
/// request between; 1 to 1000, default 24. More options can book more requests at a higher cost.
/// </param>
/// <param name="RepairDepth">How many other requests one repair may move to make room (augmenting path length), 0 to 4; default 2.</param>
/// <param name="RepairPasses">How many times the repair sweeps all unbooked requests (stopping early when a sweep books nothing), 0 to 10; default 3.</param>
public sealed record BatchOptions(int OptionsPerRequest = 24, int RepairDepth = 2, int RepairPasses = 3)
{
    /// <summary>The default <see cref="SolverTimeLimit"/>: 300 ms.</summary>
    public static readonly TimeSpan DefaultSolverTimeLimit = TimeSpan.FromMilliseconds(300);

    /// <summary>The largest <see cref="SolverTimeLimit"/>: 10 minutes.</summary>
    public static readonly TimeSpan MaxSolverTimeLimit = TimeSpan.FromMinutes(10);

    /// <summary>The defaults.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>
    /// The CP-SAT budget of one solver chunk (see <see cref="SolverChunkSize"/>), 0 to <see cref="MaxSolverTimeLimit"/>;
    /// default <see cref="DefaultSolverTimeLimit"/>; zero turns the solver off (the greedy + repair plan is returned).
    /// It is spent as CP-SAT deterministic time (work counted in operations, about seconds of one core on a typical
    /// machine), never as wall-clock time, so the same input gives the same plan on a busy or a quiet machine; on a
    /// busy machine the same work takes longer.
    /// </summary>
    public TimeSpan SolverTimeLimit { get; init; } = DefaultSolverTimeLimit;

    /// <summary>
    /// The most requests one solver model decides, 1 to 10,000; default 100. A larger batch is solved chunk by chunk —
    /// requests that name the same interviewers together — each chunk with <see cref="SolverTimeLimit"/> and the other
    /// requests' bookings held fixed. The solver's work grows faster than the chunk: chunks of 100 and 200 are usually
    /// proven optimal well within the default budget, 1,000 are not; 100 plans 10,000 requests in about two thirds of
    /// the time 200 takes (docs/PERFORMANCE.md).
    /// </summary>
    public int SolverChunkSize { get; init; } = 100;
}
