namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// A recurring weekly span of local wall-clock time, e.g. Monday–Friday 09:00–17:00, used for
/// working hours and for preferred times. It is evaluated per local date in the owner's zone, so it
/// keeps its wall-clock hours across DST changes.
/// </summary>
/// <param name="Days">The ISO days of the week the rule applies to; duplicates are ignored.</param>
/// <param name="Start">The local start time (inclusive).</param>
/// <param name="End">
/// The local end time (exclusive). When it is not after <paramref name="Start"/> the span ends on the
/// following local date (an overnight shift); <c>00:00–00:00</c> is the whole day.
/// </param>
public sealed record WeeklyTimeRule(IReadOnlyList<IsoDayOfWeek> Days, LocalTime Start, LocalTime End)
{
    /// <summary>All seven days, Monday to Sunday.</summary>
    public static IReadOnlyList<IsoDayOfWeek> EveryDay { get; } =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    /// <summary>Monday to Friday.</summary>
    public static IReadOnlyList<IsoDayOfWeek> Weekdays { get; } =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    ];

    /// <summary>A rule covering every minute of every day (for participants without working-hour limits).</summary>
    public static WeeklyTimeRule Always { get; } = new(EveryDay, LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>Whether the rule applies on <paramref name="day"/>.</summary>
    /// <param name="day">An ISO day of the week.</param>
    /// <returns><see langword="true"/> when <see cref="Days"/> lists it.</returns>
    public bool AppliesOn(IsoDayOfWeek day) => Days.Contains(day);
}
