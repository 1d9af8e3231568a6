namespace Scheduler.ICalendar.Recurrence;

/// <summary>
/// Expands a <see cref="RecurrenceRule"/> in wall-clock time (RFC 5545 §3.3.10). Every
/// interval of the frequency is a "period"; the BYxxx parts expand or limit the candidate
/// instants within each period exactly as the table in §3.3.10 prescribes (implemented as
/// filters over the period's days, <see cref="RecurrenceDayFilter"/>, and times, with the DTSTART-derived defaults), then
/// BYSETPOS picks from the period's sorted candidates. Instants before DTSTART are never
/// produced; COUNT counts produced instants; UNTIL is inclusive. Invalid dates (Feb 30) are
/// never produced. The sequence is lazy and ascending.
/// </summary>
internal sealed class RecurrenceExpander
{
    /// <summary>Periods examined per expansion before giving up (protects against rules that never or rarely match).</summary>
    public const int MaxPeriods = 1_000_000;

    private readonly RecurrenceRule _rule;
    private readonly LocalDateTime _start;
    private readonly RecurrenceDayFilter _days;
    private readonly int[] _hours;
    private readonly int[] _minutes;
    private readonly int[] _seconds;

    public RecurrenceExpander(RecurrenceRule rule, LocalDateTime start)
    {
        _rule = rule;
        _start = start;
        _days = new RecurrenceDayFilter(rule, start);
        _hours = Times(rule.ByHour, start.Hour, rule.Frequency > RecurrenceFrequency.Hourly);
        _minutes = Times(rule.ByMinute, start.Minute, rule.Frequency > RecurrenceFrequency.Minutely);
        _seconds = Times(rule.BySecond.Select(s => Math.Min(s, 59)).ToList(), start.Second, rule.Frequency > RecurrenceFrequency.Secondly);
    }

    /// <summary>Whether the last <see cref="Expand"/> stopped because it examined <see cref="MaxPeriods"/> periods, not because the rule or the caller ended it: the series is cut short.</summary>
    public bool PeriodLimitReached { get; private set; }

    /// <summary>
    /// The instants of the rule from DTSTART on, ascending. Stops after <see cref="MaxPeriods"/> periods and then sets
    /// <see cref="PeriodLimitReached"/>.
    /// </summary>
    /// <param name="until">Inclusive upper bound in the same wall clock as DTSTART (from UNTIL), or <see langword="null"/>.</param>
    /// <param name="skipTo">A hint: the caller does not need instants before this; whole periods before it may be skipped when there is no COUNT.</param>
    public IEnumerable<LocalDateTime> Expand(LocalDateTime? until, LocalDateTime? skipTo)
    {
        var emitted = 0;
        var count = _rule.Count;
        if (count == 0)
        {
            yield break;
        }

        var candidates = new List<LocalDateTime>();
        var firstPeriod = count is null && skipTo is { } hint && hint > _start ? Math.Max(0, PeriodIndex(hint) - 1) : 0;
        var periods = 0;
        for (var k = firstPeriod; periods < MaxPeriods; periods++)
        {
            candidates.Clear();
            var next = FillPeriod(k, candidates);
            if (next < 0)
            {
                yield break;
            }

            if (candidates.Count > 0)
            {
                var selected = _rule.BySetPos.Count > 0 ? ApplySetPos(candidates) : candidates;
                foreach (var candidate in selected)
                {
                    if (candidate < _start)
                    {
                        continue;
                    }

                    if (until is { } u && candidate > u)
                    {
                        yield break;
                    }

                    yield return candidate;
                    emitted++;
                    if (count is { } c && emitted >= c)
                    {
                        yield break;
                    }
                }
            }

            k = next;
        }

        PeriodLimitReached = true;
    }

    /// <summary>Fills the candidates of period <paramref name="k"/>; returns the next period index to examine, or -1 past the calendar's range.</summary>
    private long FillPeriod(long k, List<LocalDateTime> candidates)
    {
        var interval = (long)_rule.Interval;
        switch (_rule.Frequency)
        {
            case RecurrenceFrequency.Yearly:
                {
                    var year = _start.Year + (k * interval);
                    if (year > 9000)
                    {
                        return -1;
                    }

                    FillYear((int)year, candidates);
                    return k + 1;
                }

            case RecurrenceFrequency.Monthly:
                {
                    var monthIndex = (_start.Year * 12L) + _start.Month - 1 + (k * interval);
                    var year = monthIndex / 12;
                    if (year > 9000)
                    {
                        return -1;
                    }

                    var month = (int)(monthIndex % 12) + 1;
                    if (_days.MonthAllowed(month))
                    {
                        var days = CalendarSystem.Iso.GetDaysInMonth((int)year, month);
                        for (var d = 1; d <= days; d++)
                        {
                            AddDay(new LocalDate((int)year, month, d), candidates);
                        }
                    }

                    return k + 1;
                }

            case RecurrenceFrequency.Weekly:
                {
                    var weekStart = _start.Date.PlusDays(-(((int)_start.DayOfWeek - (int)_rule.WeekStart + 7) % 7));
                    if (weekStart.Year + (k * interval / 52) > 9000)
                    {
                        return -1;
                    }

                    var first = weekStart.PlusDays(checked((int)(k * interval * 7)));
                    for (var d = 0; d < 7; d++)
                    {
                        AddDay(first.PlusDays(d), candidates);
                    }

                    return k + 1;
                }

            case RecurrenceFrequency.Daily:
                {
                    if (_start.Year + (k * interval / 366) > 9000)
                    {
                        return -1;
                    }

                    AddDay(_start.Date.PlusDays(checked((int)(k * interval))), candidates);
                    return k + 1;
                }

            default:
                return FillSubDaily(k, candidates);
        }
    }

    private long FillSubDaily(long k, List<LocalDateTime> candidates)
    {
        var unit = _rule.Frequency switch
        {
            RecurrenceFrequency.Hourly => 3600L,
            RecurrenceFrequency.Minutely => 60L,
            _ => 1L,
        };
        var step = unit * _rule.Interval;
        var origin = Truncate(LocalSeconds(_start), unit);
        var t = origin + (k * step);
        var local = FromLocalSeconds(t);
        if (local.Year > 9000)
        {
            return -1;
        }

        // Skip a whole day, hour or minute at once when it cannot match (keeps MINUTELY/SECONDLY rules with day filters cheap).
        if (!_days.Matches(local.Date, local.Year))
        {
            return NextIndexAtOrAfter(Truncate(t, 86_400) + 86_400, origin, step, k);
        }

        if (_rule.ByHour.Count > 0 && !_rule.ByHour.Contains(local.Hour))
        {
            return NextIndexAtOrAfter(Truncate(t, 3600) + 3600, origin, step, k);
        }

        if (_rule.Frequency == RecurrenceFrequency.Hourly)
        {
            foreach (var minute in _minutes)
            {
                foreach (var second in _seconds)
                {
                    candidates.Add(local.Date + new LocalTime(local.Hour, minute, second));
                }
            }

            return k + 1;
        }

        if (_rule.ByMinute.Count > 0 && !_rule.ByMinute.Contains(local.Minute))
        {
            return NextIndexAtOrAfter(Truncate(t, 60) + 60, origin, step, k);
        }

        if (_rule.Frequency == RecurrenceFrequency.Minutely)
        {
            foreach (var second in _seconds)
            {
                candidates.Add(local.Date + new LocalTime(local.Hour, local.Minute, second));
            }

            return k + 1;
        }

        if (_rule.BySecond.Count == 0 || _rule.BySecond.Any(s => Math.Min(s, 59) == local.Second))
        {
            candidates.Add(local);
        }

        return k + 1;
    }

    private static long NextIndexAtOrAfter(long target, long origin, long step, long current) =>
        Math.Max(current + 1, (target - origin + step - 1) / step);

    private void FillYear(int year, List<LocalDateTime> candidates)
    {
        if (_rule.ByWeekNo.Count > 0)
        {
            var first = _days.WeekOneStart(year);
            var end = _days.WeekOneStart(year + 1);
            for (var d = first; d < end; d = d.PlusDays(1))
            {
                AddDay(d, candidates, year);
            }

            return;
        }

        for (var month = 1; month <= 12; month++)
        {
            if (!_days.MonthAllowed(month))
            {
                continue;
            }

            var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
            for (var d = 1; d <= days; d++)
            {
                AddDay(new LocalDate(year, month, d), candidates, year);
            }
        }
    }

    private void AddDay(LocalDate date, List<LocalDateTime> candidates, int? periodYear = null)
    {
        if (!_days.Matches(date, periodYear ?? date.Year))
        {
            return;
        }

        foreach (var hour in _hours)
        {
            foreach (var minute in _minutes)
            {
                foreach (var second in _seconds)
                {
                    candidates.Add(date + new LocalTime(hour, minute, second));
                }
            }
        }
    }

    private IEnumerable<LocalDateTime> ApplySetPos(List<LocalDateTime> candidates)
    {
        var picked = new SortedSet<LocalDateTime>();
        foreach (var pos in _rule.BySetPos)
        {
            var index = pos > 0 ? pos - 1 : candidates.Count + pos;
            if (index >= 0 && index < candidates.Count)
            {
                picked.Add(candidates[index]);
            }
        }

        return picked;
    }

    private long PeriodIndex(LocalDateTime t)
    {
        var interval = _rule.Interval;
        return _rule.Frequency switch
        {
            RecurrenceFrequency.Yearly => (t.Year - _start.Year) / interval,
            RecurrenceFrequency.Monthly => (((t.Year - _start.Year) * 12) + t.Month - _start.Month) / interval,
            RecurrenceFrequency.Weekly => Period.DaysBetween(_start.Date, t.Date) / 7 / interval,
            RecurrenceFrequency.Daily => Period.DaysBetween(_start.Date, t.Date) / interval,
            RecurrenceFrequency.Hourly => (LocalSeconds(t) - Truncate(LocalSeconds(_start), 3600)) / 3600 / interval,
            RecurrenceFrequency.Minutely => (LocalSeconds(t) - Truncate(LocalSeconds(_start), 60)) / 60 / interval,
            _ => (LocalSeconds(t) - LocalSeconds(_start)) / interval,
        };
    }

    private static int[] Times(IReadOnlyList<int> values, int fromStart, bool useStartWhenEmpty)
    {
        if (values.Count > 0)
        {
            return values.Distinct().Order().ToArray();
        }

        return useStartWhenEmpty ? [fromStart] : [];
    }

    private static long LocalSeconds(LocalDateTime t) => t.InUtc().ToInstant().ToUnixTimeSeconds();

    private static LocalDateTime FromLocalSeconds(long seconds) => Instant.FromUnixTimeSeconds(seconds).InUtc().LocalDateTime;

    private static long Truncate(long seconds, long unit) => seconds - (((seconds % unit) + unit) % unit);
}
