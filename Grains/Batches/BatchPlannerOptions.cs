using System.ComponentModel.DataAnnotations;
using Scheduler.Scheduling.Batch;

namespace Scheduler.Grains.Batches;

/// <summary>Settings of the batch planner (configuration section <c>BatchPlanner</c> when a host binds it).</summary>
public sealed class BatchPlannerOptions
{
    /// <summary>The configuration section hosts bind.</summary>
    public const string SectionName = "BatchPlanner";

    /// <summary>
    /// The CP-SAT budget per solver chunk of a planned chunk (<see cref="BatchOptions.SolverTimeLimit"/>: deterministic
    /// work, about seconds of one core), 0 to 10 minutes; zero plans with greedy + repair only. Default 300 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SolverTimeLimit { get; set; } = BatchOptions.DefaultSolverTimeLimit;
}
