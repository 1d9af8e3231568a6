namespace Scheduler.ICalendar.Recurrence;

/// <summary>
/// Which days a <see cref="RecurrenceRule"/> keeps (RFC 5545 §3.3.10): the day-level BYxxx parts (BYMONTH, BYWEEKNO,
/// BYYEARDAY, BYMONTHDAY, BYDAY with its ordinals scoped to the month or the year), and, when the rule names none of
/// BYWEEKNO, BYYEARDAY, BYMONTHDAY and BYDAY, the defaults DTSTART implies (YEARLY: its month and day; MONTHLY: its day;
/// WEEKLY: its weekday). <see cref="RecurrenceExpander"/> walks the days of each period and keeps those that match.
/// </summary>
internal sealed class RecurrenceDayFilter
{
    private readonly RecurrenceRule _rule;
    private readonly bool[] _months = new bool[13];
    private readonly IReadOnlyList<int> _monthDays;
    private readonly IReadOnlyList<WeekdayNum> _weekdays;

    /// <summary>Reads the rule's day parts and the defaults DTSTART implies.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="start">DTSTART, in wall-clock time.</param>
    public RecurrenceDayFilter(RecurrenceRule rule, LocalDateTime start)
    {
        _rule = rule;
        foreach (var m in rule.ByMonth)
        {
            _months[m] = true;
        }

        HasMonths = rule.ByMonth.Count > 0;
        _monthDays = rule.ByMonthDay;
        _weekdays = rule.ByDay;
        if (rule.ByWeekNo.Count == 0 && rule.ByYearDay.Count == 0 && rule.ByMonthDay.Count == 0 && rule.ByDay.Count == 0)
        {
            switch (rule.Frequency)
            {
                case RecurrenceFrequency.Yearly:
                    if (!HasMonths)
                    {
                        _months[start.Month] = true;
                        HasMonths = true;
                    }

                    _monthDays = [start.Day];
                    break;
                case RecurrenceFrequency.Monthly:
                    _monthDays = [start.Day];
                    break;
                case RecurrenceFrequency.Weekly:
                    _weekdays = [new WeekdayNum(0, start.DayOfWeek)];
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Whether only some months are kept (BYMONTH, or DTSTART's month for a plain YEARLY rule).</summary>
    public bool HasMonths { get; }

    /// <summary>Whether days of <paramref name="month"/> (1–12) may be kept.</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <returns><see langword="true"/> when no months are named or this one is.</returns>
    public bool MonthAllowed(int month) => !HasMonths || _months[month];

    /// <summary>Whether the rule keeps <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <param name="periodYear">The year of the period the day is examined in (a YEARLY period with BYWEEKNO spans ISO weeks, which may start in the year before).</param>
    /// <returns>Whether every day-level part matches.</returns>
    public bool Matches(LocalDate date, int periodYear) =>
        MonthAllowed(date.Month)
        && (_rule.ByWeekNo.Count == 0 || _rule.Frequency != RecurrenceFrequency.Yearly || WeekNoMatches(date, periodYear))
        && (_rule.ByYearDay.Count == 0 || AnyMatches(_rule.ByYearDay, CalendarSystem.Iso.GetDaysInYear(date.Year), date.DayOfYear))
        && (_monthDays.Count == 0 || AnyMatches(_monthDays, CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month), date.Day))
        && (_weekdays.Count == 0 || _weekdays.Any(weekday => weekday.Day == date.DayOfWeek && OrdinalMatches(weekday.Ordinal, date)));

    /// <summary>The first day of week 1 of <paramref name="year"/>: the week (starting on WKST) that holds at least four days of the year (RFC 5545 §3.3.10, ISO 8601).</summary>
    /// <param name="year">The year.</param>
    /// <returns>The day.</returns>
    public LocalDate WeekOneStart(int year)
    {
        var jan1 = new LocalDate(year, 1, 1);
        var offset = ((int)jan1.DayOfWeek - (int)_rule.WeekStart + 7) % 7;
        var weekStart = jan1.PlusDays(-offset);
        return 7 - offset >= 4 ? weekStart : weekStart.PlusDays(7);
    }

    /// <summary>Whether one of the rule's numbers names <paramref name="value"/>: positive ones count from 1, negative ones from the end (−1 = <paramref name="count"/>).</summary>
    private static bool AnyMatches(IReadOnlyList<int> numbers, int count, int value)
    {
        foreach (var n in numbers)
        {
            if ((n > 0 ? n : count + n + 1) == value)
            {
                return true;
            }
        }

        return false;
    }

    private bool OrdinalMatches(int ordinal, LocalDate date)
    {
        if (ordinal == 0)
        {
            return true;
        }

        var monthScope = _rule.Frequency == RecurrenceFrequency.Monthly
            || (_rule.Frequency == RecurrenceFrequency.Yearly && _rule.ByMonth.Count > 0);
        if (monthScope)
        {
            return NthInScope(ordinal, date.Day, CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month));
        }

        // RFC 5545 §3.3.10: ordinals are only meaningful for MONTHLY and YEARLY; elsewhere the weekday alone counts.
        return _rule.Frequency != RecurrenceFrequency.Yearly || NthInScope(ordinal, date.DayOfYear, CalendarSystem.Iso.GetDaysInYear(date.Year));

        // Whether the day is the ordinal-th of its weekday in a scope of `length` days: counted from the start (1 = first) or, when negative, from the end (−1 = last).
        static bool NthInScope(int ordinal, int day, int length) =>
            ordinal > 0 ? ((day - 1) / 7) + 1 == ordinal : ((length - day) / 7) + 1 == -ordinal;
    }

    private bool WeekNoMatches(LocalDate date, int year)
    {
        var weekOne = WeekOneStart(year);
        var weeks = Period.DaysBetween(weekOne, WeekOneStart(year + 1)) / 7;
        var week = (Period.DaysBetween(weekOne, date) / 7) + 1;
        return AnyMatches(_rule.ByWeekNo, weeks, week);
    }
}
