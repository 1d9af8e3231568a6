namespace Scheduler.Scheduling.Results;

/// <summary>The answer to a <see cref="SchedulingRequest"/>: ranked options, or a diagnosis of why there are none.</summary>
public sealed record SchedulingResult
{
    private SchedulingResult(IReadOnlyList<ScheduleOption> options, NoAvailability? noAvailability)
    {
        Options = options;
        NoAvailability = noAvailability;
    }

    /// <summary>Options, best first (score descending, then earliest), spread across days; empty when <see cref="NoAvailability"/> is set.</summary>
    public IReadOnlyList<ScheduleOption> Options { get; }

    /// <summary>Why there is no option, or <see langword="null"/> when there are options.</summary>
    public NoAvailability? NoAvailability { get; }

    /// <summary><see langword="true"/> when at least one option exists.</summary>
    public bool HasOptions => Options.Count > 0;

    /// <summary>A result with options.</summary>
    /// <param name="options">At least one option, best first.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is empty.</exception>
    public static SchedulingResult Found(IReadOnlyList<ScheduleOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Count == 0 ? throw new ArgumentException("At least one option is required.", nameof(options)) : new(options, null);
    }

    /// <summary>A result without options.</summary>
    /// <param name="diagnosis">Why.</param>
    /// <returns>The result.</returns>
    public static SchedulingResult None(NoAvailability diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return new([], diagnosis);
    }
}
