namespace Scheduler.Scheduling.Calendar;

/// <summary>Small calendar helpers shared by the engine.</summary>
internal static class LocalDateExtensions
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Days since 1970-01-01 (ISO calendar).</summary>
    public static int DayNumber(this LocalDate date) => Period.DaysBetween(Epoch, date);

    /// <summary>The Monday starting the ISO week that contains <paramref name="date"/>.</summary>
    public static LocalDate IsoWeekStart(this LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);
}
