namespace Scheduler.Scheduling.Batch;

/// <summary>How the CP-SAT step of a batch ended (see <see cref="BatchSolverReport"/>).</summary>
public enum BatchSolverStatus
{
    /// <summary>The solver was not run: its budget is zero, or no request has an option, so there is nothing to decide.</summary>
    NotRun,

    /// <summary>The solver proved its solution optimal (bookings, then score, then pool fairness): the plan returned is as good.</summary>
    Optimal,

    /// <summary>The budget ran out with a solution but without a proof; the bound says how far from the optimum it can be.</summary>
    Feasible,

    /// <summary>The budget ran out before the solver had a solution of its own; the greedy + repair plan stands.</summary>
    NoSolution,

    /// <summary>The solver could not run on this machine (its native library failed to load); the greedy + repair plan stands.</summary>
    Unavailable,

    /// <summary>The solver failed or returned a plan that the independent check refused; the greedy + repair plan stands.</summary>
    Failed,
}
