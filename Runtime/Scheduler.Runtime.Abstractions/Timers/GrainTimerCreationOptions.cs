namespace Scheduler.Runtime;

/// <summary>Options of a grain timer (see <see cref="Grain.RegisterGrainTimer{TState}"/>).</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="dueTime">Time until the first tick; zero or more.</param>
    /// <param name="period">Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</param>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time until the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the completion of a tick and the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for one tick only.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with requests (by default a tick is a turn like any request).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity, keeping the activation from idle deactivation.</summary>
    public bool KeepAlive { get; init; }
}
