namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// Turns weekly local-time rules and date overrides into UTC intervals for a participant's zone.
/// </summary>
/// <remarks>
/// Rules are evaluated per local date, so a 09:00–17:00 rule stays 09:00–17:00 on the wall clock on
/// both sides of a DST change (the UTC instants move instead). A local time that does not exist (DST
/// gap) is shifted forward by the length of the gap; a local time that occurs twice (DST overlap)
/// takes the earlier offset. This is NodaTime's <see cref="NodaTime.TimeZones.Resolvers.LenientResolver"/>,
/// as DESIGN.md §4 requires.
/// </remarks>
public static class WorkingHours
{
    /// <summary>
    /// Materializes <paramref name="rules"/> (replaced on overridden dates by <paramref name="overrides"/>)
    /// for every local date that can intersect <paramref name="bounds"/>, clipped to <paramref name="bounds"/>.
    /// </summary>
    /// <param name="zone">The participant's zone.</param>
    /// <param name="rules">Weekly rules; an empty list yields an empty set (no working time) except on overridden dates.</param>
    /// <param name="overrides">Date overrides; when a date has several, their ranges are combined.</param>
    /// <param name="bounds">The UTC range of interest.</param>
    /// <returns>The working time inside <paramref name="bounds"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IntervalSet Materialize(
        DateTimeZone zone,
        IReadOnlyList<WeeklyTimeRule> rules,
        IReadOnlyList<DateOverride> overrides,
        TimeInterval bounds)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(overrides);
        if (bounds.IsEmpty)
        {
            return IntervalSet.Empty;
        }

        // Overnight spans that start the day before the bounds can reach into them, hence the -1.
        var first = bounds.Start.InZone(zone).Date.PlusDays(-1);
        var last = bounds.End.InZone(zone).Date;
        var spans = new List<TimeInterval>(((last.DayNumber() - first.DayNumber()) + 1) * Math.Max(1, rules.Count));
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var overridden = false;
            foreach (var o in overrides)
            {
                if (o.Date == date)
                {
                    overridden = true;
                    foreach (var range in o.Hours)
                    {
                        AddSpan(spans, zone, date, range.Start, range.End, bounds);
                    }
                }
            }

            if (overridden)
            {
                continue;
            }

            var day = date.DayOfWeek;
            foreach (var rule in rules)
            {
                if (rule.AppliesOn(day))
                {
                    AddSpan(spans, zone, date, rule.Start, rule.End, bounds);
                }
            }
        }

        return IntervalSet.From(spans);
    }

    /// <summary>Resolves a local date and time to an instant with the lenient resolver (gap: forward; overlap: earlier offset).</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The local date.</param>
    /// <param name="time">The local time.</param>
    /// <returns>The UTC instant.</returns>
    public static Instant Resolve(DateTimeZone zone, LocalDate date, LocalTime time) =>
        zone.ResolveLocal(date.At(time), NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant();

    private static void AddSpan(List<TimeInterval> spans, DateTimeZone zone, LocalDate date, LocalTime start, LocalTime end, TimeInterval bounds)
    {
        var from = Resolve(zone, date, start);
        var to = end > start ? Resolve(zone, date, end) : Resolve(zone, date.PlusDays(1), end);
        if (to > from && new TimeInterval(from, to).Intersect(bounds) is { IsEmpty: false } inside)
        {
            spans.Add(inside);
        }
    }
}
