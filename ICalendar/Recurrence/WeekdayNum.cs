namespace Scheduler.ICalendar.Recurrence;

/// <summary>
/// One <c>BYDAY</c> entry (RFC 5545 §3.3.10 <c>weekdaynum</c>): a weekday with an optional
/// ordinal, e.g. <c>MO</c> (every Monday), <c>2TU</c> (second Tuesday), <c>-1SU</c> (last Sunday).
/// </summary>
/// <param name="Ordinal">0 for every such weekday; 1..53 counts from the start and -1..-53 from the end of the month (MONTHLY, or YEARLY with BYMONTH) or year (YEARLY).</param>
/// <param name="Day">The weekday.</param>
public readonly record struct WeekdayNum(int Ordinal, IsoDayOfWeek Day)
{
    /// <summary>Formats as iCalendar text, e.g. <c>-1SU</c>.</summary>
    public override string ToString() =>
        (Ordinal == 0 ? string.Empty : Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)) + RecurrenceRule.DayCode(Day);
}
