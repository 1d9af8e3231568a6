using System.Globalization;
using Google.OrTools.Sat;

namespace Scheduler.Scheduling.Batch;

/// <summary>
/// Improves a batch plan with CP-SAT (Google OR-Tools): chunk by chunk (<see cref="SolverChunks"/>), the chunk's
/// requests are taken out of the plan, an <see cref="AssignmentModel"/> of them is solved around the rest, warm-started
/// from their current placements, and a strictly better answer (bookings, then score, then pool fairness) replaces
/// them once <see cref="BatchLedger"/> has accepted every placement on its own checks. The model is not trusted: an
/// answer the ledger refuses is dropped and reported as <see cref="BatchSolverStatus.Failed"/>.
/// </summary>
/// <remarks>
/// One search worker with a fixed seed and a deterministic-time limit: CP-SAT's single-worker search is
/// deterministic, so the same batch gives the same plan, and the planner's chunks already run side by side on the
/// machine's cores. A native library that cannot be loaded (an unsupported platform, a damaged install) makes the
/// solver unavailable, never the batch: the plan is left as it was.
/// </remarks>
internal sealed class CpSatBatchSolver
{
    /// <summary>The random seed given to CP-SAT (any fixed value keeps runs repeatable).</summary>
    public const int Seed = 20260302;

    private readonly Func<CpSolver> _createSolver;

    /// <summary>Creates a runner that gets its solver from <paramref name="createSolver"/> (tests pass one that fails as an unloadable native library does).</summary>
    public CpSatBatchSolver(Func<CpSolver> createSolver) => _createSolver = createSolver;

    /// <summary>The runner over the real solver.</summary>
    public static CpSatBatchSolver Default { get; } = new(static () => new CpSolver());

    /// <summary>Improves <paramref name="plan"/> in place; returns whether it changed, and the report.</summary>
    public (bool Improved, BatchSolverReport Report) Improve(RequestPlan[] plans, CandidateOption[][] candidates, BatchLedger plan, BatchOptions options)
    {
        if (options.SolverTimeLimit <= TimeSpan.Zero || candidates.All(c => c.Length == 0))
        {
            return (false, BatchSolverReport.NotRun);
        }

        var chunks = SolverChunks.Cut(plans, candidates, options.SolverChunkSize);
        var improved = false;
        var optimal = 0;
        var seconds = 0.0;
        var last = new Outcome(BatchSolverStatus.Optimal, plan.Booked, false, 0, null);
        foreach (var chunk in chunks)
        {
            last = IsOptimalTermByTerm(plans, candidates, plan, chunk)
                ? new Outcome(BatchSolverStatus.Optimal, plan.Booked, false, 0, null)
                : SolveChunk(plans, candidates, plan, chunk, options.SolverTimeLimit);
            seconds += last.Seconds;
            improved |= last.Improved;
            if (last.Status is BatchSolverStatus.Unavailable or BatchSolverStatus.Failed)
            {
                return (improved, new BatchSolverReport(last.Status, null, chunks.Count, optimal, seconds, last.Message));
            }

            optimal += last.Status == BatchSolverStatus.Optimal ? 1 : 0;
        }

        return chunks.Count == 1
            ? (improved, new BatchSolverReport(last.Status, last.Bound, 1, optimal, seconds, null))
            : (improved, new BatchSolverReport(BatchSolverStatus.Feasible, null, chunks.Count, optimal, seconds, null));
    }

    /// <summary>Every request of the chunk is booked at its best-scoring option and no stage draws from a pool: nothing can be better.</summary>
    private static bool IsOptimalTermByTerm(RequestPlan[] plans, CandidateOption[][] candidates, BatchLedger plan, int[] chunk) =>
        Array.TrueForAll(chunk, r => plan[r] is { } placement
            && placement.Score >= candidates[r].Max(c => c.Score)
            && !Array.Exists(plans[r].Stages, s => s.HasPools));

    private Outcome SolveChunk(RequestPlan[] plans, CandidateOption[][] candidates, BatchLedger plan, int[] chunk, TimeSpan budget)
    {
        var saved = Array.ConvertAll(chunk, r => plan[r]);
        foreach (var r in chunk.Where(r => plan[r] is not null))
        {
            plan.Remove(r);
        }

        CpSolverResponse? response;
        AssignmentModel model;
        try
        {
            model = new AssignmentModel(plans, candidates, chunk, plan, saved);
            using var solver = _createSolver();
            solver.StringParameters = Parameters(budget);
            solver.Solve(model.Model, null);
            response = solver.Response;
        }

        catch (Exception exception) when (IsNativeLoadFailure(exception))
        {
            Restore(plan, chunk, saved);
            return new Outcome(BatchSolverStatus.Unavailable, null, false, 0, $"CP-SAT could not be loaded: {Innermost(exception).Message}");
        }

        var seconds = response?.DeterministicTime ?? 0;
        var status = response?.Status switch
        {
            CpSolverStatus.Optimal => BatchSolverStatus.Optimal,
            CpSolverStatus.Feasible => BatchSolverStatus.Feasible,
            CpSolverStatus.Unknown => BatchSolverStatus.NoSolution,
            _ => BatchSolverStatus.Failed,
        };
        if (response is null || status == BatchSolverStatus.Failed)
        {
            Restore(plan, chunk, saved);
            return new Outcome(BatchSolverStatus.Failed, null, false, seconds, $"CP-SAT answered {response?.Status.ToString() ?? "nothing"}.");
        }

        // A valid upper bound is at least the objective of the (feasible) starting plan; anything lower is an unset field.
        int? bound = response.BestObjectiveBound >= model.HintObjective ? model.Weights.BookedBound(response.BestObjectiveBound) + plan.Booked : null;
        if (status == BatchSolverStatus.NoSolution || (long)Math.Round(response.ObjectiveValue) <= model.HintObjective)
        {
            Restore(plan, chunk, saved);
            return new Outcome(status, bound, false, seconds, null);
        }

        var placed = new List<int>();
        foreach (var (r, o, people) in model.Read(response))
        {
            var option = candidates[r][o];
            if (!plan.TryPlaceChosen(r, plans[r], option, people, option.Score))
            {
                foreach (var p in placed)
                {
                    plan.Remove(p);
                }

                Restore(plan, chunk, saved);
                return new Outcome(BatchSolverStatus.Failed, null, false, seconds, $"The solver's placement of request {r} conflicts with the rest of the plan or breaks a cap.");
            }

            placed.Add(r);
        }

        return new Outcome(status, status == BatchSolverStatus.Optimal ? plan.Booked : bound, true, seconds, null);
    }

    private static void Restore(BatchLedger plan, int[] chunk, BatchLedger.Placement?[] saved)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            if (saved[i] is { } placement)
            {
                plan.Add(chunk[i], placement);
            }
        }
    }

    private static string Parameters(TimeSpan budget)
    {
        var seconds = budget.TotalSeconds;
        // Presolve, symmetry detection and probing are off: these models (at-most-one cliques over booleans, a few cap
        // and pool sums) give them little to find, and without them the benchmark chunks were proven optimal with well
        // under half the work (docs/PERFORMANCE.md).
        return string.Create(CultureInfo.InvariantCulture, $"num_workers:1 random_seed:{Seed} max_deterministic_time:{seconds:R} cp_model_presolve:false symmetry_level:0 cp_model_probing_level:0");
    }

    /// <summary>What .NET throws when a P/Invoke's native library or entry point cannot be loaded (possibly inside a type initializer).</summary>
    private static bool IsNativeLoadFailure(Exception exception) =>
        Innermost(exception) is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException;

    private static Exception Innermost(Exception exception)
    {
        while (exception is TypeInitializationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    /// <summary>How one chunk ended: its status, the bound on the whole plan's bookings (one chunk only), whether the plan changed, work, and why it failed.</summary>
    private readonly record struct Outcome(BatchSolverStatus Status, int? Bound, bool Improved, double Seconds, string? Message);
}
