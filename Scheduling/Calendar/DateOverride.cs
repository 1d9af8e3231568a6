namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// Replaces the weekly working-hour rules on one local date: different hours, or (with no ranges)
/// not available at all that date (holiday, leave).
/// </summary>
/// <param name="Date">The participant's local date the override applies to.</param>
/// <param name="Hours">The working spans that date in local time; empty means unavailable all day.</param>
public sealed record DateOverride(LocalDate Date, IReadOnlyList<LocalTimeRange> Hours)
{
    /// <summary>An override marking <paramref name="date"/> as unavailable.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The override.</returns>
    public static DateOverride Unavailable(LocalDate date) => new(date, []);
}
