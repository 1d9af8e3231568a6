namespace Scheduler.Scheduling.Batch;

/// <summary>What the CP-SAT step of <see cref="BatchScheduler.Schedule"/> did, so the gap to the optimum is known rather than guessed.</summary>
/// <param name="Status">
/// How it ended. A batch solved in several chunks (more requests with options than
/// <see cref="BatchOptions.SolverChunkSize"/>) is never <see cref="BatchSolverStatus.Optimal"/>: each chunk is solved
/// with the others' bookings held fixed, which proves nothing about the whole.
/// </param>
/// <param name="BookedBound">
/// The solver's proven upper bound on how many requests any conflict-free plan over the kept options can book;
/// <see langword="null"/> when it has none (not run, unavailable, failed, or solved in several chunks).
/// </param>
/// <param name="Chunks">How many chunks the solver was given (0 when it did not run).</param>
/// <param name="ChunksOptimal">
/// How many chunks ended proven optimal given the rest of the plan (including chunks whose plan was already optimal
/// term by term: every request booked at its best option, no pools, so the solver was not needed).
/// </param>
/// <param name="DeterministicSeconds">
/// The work the solver spent, in CP-SAT's deterministic time (a count of operations scaled to be roughly seconds on a
/// typical machine; the same for the same input on any machine), summed over chunks.
/// </param>
/// <param name="Message">Why the solver did not help (unavailable or failed), for logs; <see langword="null"/> otherwise.</param>
public sealed record BatchSolverReport(BatchSolverStatus Status, int? BookedBound, int Chunks, int ChunksOptimal, double DeterministicSeconds, string? Message)
{
    /// <summary>The report of a run that did not use the solver.</summary>
    public static BatchSolverReport NotRun { get; } = new(BatchSolverStatus.NotRun, null, 0, 0, 0, null);

    /// <summary><see langword="true"/> when the solver proved the returned plan optimal (bookings, then score, then pool fairness).</summary>
    public bool OptimalityProven => Status == BatchSolverStatus.Optimal;
}
