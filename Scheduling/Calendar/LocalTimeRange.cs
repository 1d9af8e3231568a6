namespace Scheduler.Scheduling.Calendar;

/// <summary>A span of local wall-clock time on one date, used by <see cref="DateOverride"/>.</summary>
/// <param name="Start">The local start time (inclusive).</param>
/// <param name="End">The local end time (exclusive); when not after <paramref name="Start"/> it falls on the next date (<c>00:00–00:00</c> is the whole day).</param>
public sealed record LocalTimeRange(LocalTime Start, LocalTime End);
