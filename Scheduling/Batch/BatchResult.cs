namespace Scheduler.Scheduling.Batch;

/// <summary>The outcome of <see cref="BatchScheduler.Schedule"/>.</summary>
/// <param name="Assignments">One entry per request, in batch order.</param>
/// <param name="BookedCount">How many requests are booked.</param>
/// <param name="TotalScore">The sum of the booked options' scores.</param>
/// <param name="GreedyBookedCount">How many requests first-come-first-served (each request in batch order takes its best option still free) books; never more than <paramref name="BookedCount"/>.</param>
/// <param name="UpperBound">
/// A proven upper bound on how many requests any conflict-free schedule (over the kept options) could book: the lesser
/// of CP-SAT's bound (<see cref="BatchSolverReport.BookedBound"/>, when it has one) and a capacity bound (requests with
/// no option cannot be booked, and each remaining request is charged to one of its panel interviewers, who can hold no
/// more interviews than fit their free time and caps). <paramref name="BookedCount"/> equal to it proves the count optimal.
/// </param>
/// <param name="Strategy">
/// Which solution won: <c>greedy</c>, <c>greedy+repair</c>, <c>mostConstrainedFirst+repair</c>, or <c>cpSat</c> when
/// the solver found a strictly better plan than all of those.
/// </param>
/// <param name="Solver">What the CP-SAT step did: its status (whether optimality is proven), its bound and its work.</param>
public sealed record BatchResult(
    IReadOnlyList<BatchAssignment> Assignments,
    int BookedCount,
    double TotalScore,
    int GreedyBookedCount,
    int UpperBound,
    string Strategy,
    BatchSolverReport Solver);
