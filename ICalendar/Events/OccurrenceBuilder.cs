namespace Scheduler.ICalendar.Events;

/// <summary>
/// Computes the occurrences of a calendar's events in a window (RFC 5545 §3.8.5): the
/// recurrence set of each master is DTSTART ∪ RRULE instances ∪ RDATE, minus EXDATE; events
/// sharing a UID are one series, whose overrides (RECURRENCE-ID, §3.8.4.4) replace the
/// instance they name, and with RANGE=THISANDFUTURE also move every later instance as the named
/// one moved, on the series' wall clock (§3.3.10), and give them its duration and properties.
/// Instances repeated by several masters with the same UID are kept once (highest SEQUENCE wins).
/// </summary>
internal static class OccurrenceBuilder
{
    /// <summary>Instances generated per series and query before the series is cut short.</summary>
    public const int MaxInstancesPerSeries = 100_000;

    private static readonly Instant MinSafe = Instant.FromUtc(2, 1, 1, 0, 0);
    private static readonly Instant MaxSafe = Instant.FromUtc(9000, 1, 1, 0, 0);

    public static OccurrenceList Build(IReadOnlyList<CalendarEvent> events, ZoneContext zones, Interval window)
    {
        var results = new List<EventOccurrence>();
        var cut = new SortedSet<string>(StringComparer.Ordinal);
        var series = new Dictionary<string, List<CalendarEvent>>(StringComparer.Ordinal);
        foreach (var calendarEvent in events)
        {
            if (calendarEvent.Uid.Length == 0)
            {
                BuildSeries([calendarEvent], zones, window, results, cut);
                continue;
            }

            if (!series.TryGetValue(calendarEvent.Uid, out var list))
            {
                series[calendarEvent.Uid] = list = [];
            }

            list.Add(calendarEvent);
        }

        foreach (var list in series.Values)
        {
            BuildSeries(list, zones, window, results, cut);
        }

        results.Sort(static (a, b) =>
        {
            var c = a.Start.CompareTo(b.Start);
            if (c == 0)
            {
                c = a.End.CompareTo(b.End);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Uid, b.Uid);
        });
        return new OccurrenceList(results, [.. cut]);
    }

    private static void BuildSeries(List<CalendarEvent> events, ZoneContext zones, Interval window, List<EventOccurrence> results, ISet<string> cut)
    {
        // Most UIDs of a real calendar have one master and no overrides (a stand-alone event or a plain
        // series). Its instances are already unique by start and nothing replaces or shifts them, so
        // they go straight to the results (what the general path below computes, without its bookkeeping).
        if (events.Count == 1 && events[0] is { RecurrenceId: null } only)
        {
            foreach (var instance in MasterInstances(only, zones, window, Duration.Zero, cut))
            {
                Add(results, window, only, instance.Start, instance.End, instance.RecurrenceId);
            }

            return;
        }

        // In an all-day series an override is matched by its RECURRENCE-ID's date, whatever its value type.
        var dateSeries = events.Any(e => e.RecurrenceId is null && e.Start.IsDate);
        var overrides = Latest(events.Where(e => e.RecurrenceId is not null), e => Key(e.RecurrenceId!.Value, dateSeries, zones));
        var future = overrides.Values.Where(o => o.ThisAndFuture).OrderBy(o => zones.ToInstant(o.RecurrenceId!.Value)).ToList();
        var pad = Duration.Zero;
        foreach (var o in future)
        {
            var shift = zones.ToInstant(o.Start) - zones.ToInstant(o.RecurrenceId!.Value);
            var length = OwnEnd(o, zones) - zones.ToInstant(o.Start);
            pad = Max(pad, Max(shift, -shift) + length);
        }

        var instances = new Dictionary<Instant, Instance>();
        foreach (var master in events.Where(e => e.RecurrenceId is null))
        {
            foreach (var instance in MasterInstances(master, zones, window, pad, cut))
            {
                if (!instances.TryGetValue(instance.Start, out var existing) || existing.Source.Sequence <= master.Sequence)
                {
                    instances[instance.Start] = instance;
                }
            }
        }

        foreach (var instance in instances.Values)
        {
            if (overrides.ContainsKey(instance.Key(zones)) || overrides.ContainsKey(DateKey(instance.Local.Date)))
            {
                continue;
            }

            var source = instance.Source;
            var start = instance.Start;
            var end = instance.End;
            var governing = future.LastOrDefault(o => zones.ToInstant(o.RecurrenceId!.Value) < instance.Start);
            if (governing is not null)
            {
                (start, end) = Moved(instance, governing, zones);
                source = governing;
            }

            Add(results, window, source, start, end, instance.RecurrenceId);
        }

        foreach (var o in overrides.Values)
        {
            Add(results, window, o, zones.ToInstant(o.Start), OwnEnd(o, zones), o.RecurrenceId);
        }
    }

    private static IEnumerable<Instance> MasterInstances(CalendarEvent master, ZoneContext zones, Interval window, Duration pad, ISet<string> cut)
    {
        var zone = zones.ZoneOf(master.Start);
        var isDate = master.Start.IsDate;
        var firstStart = zones.ToInstant(master.Start);
        if (!master.IsRecurring)
        {
            yield return new Instance(master.Start.Local, firstStart, OwnEnd(master, zones), null, master);
            yield break;
        }

        var exactLength = master.End is { } masterEnd && !isDate ? zones.ToInstant(masterEnd) - firstStart : (Duration?)null;
        Instant EndOf(LocalDateTime local, Instant start) => exactLength is { } length
            ? start + length
            : EndFromNominal(master, local, start, zone);

        var slack = Duration.FromDays(2) + pad + (EndOf(master.Start.Local, firstStart) - firstStart);
        var low = Clamp(window.Start - slack);
        var high = Clamp(window.End + pad + Duration.FromDays(2));
        var lowLocal = low.InZone(zone).LocalDateTime;
        var highLocal = high.InZone(zone).LocalDateTime;

        var starts = new SortedDictionary<Instant, (LocalDateTime Local, Instant End)>();
        void AddStart(LocalDateTime local, Instant start, Instant end)
        {
            if (!starts.ContainsKey(start))
            {
                starts[start] = (local, end);
            }
        }

        AddStart(master.Start.Local, firstStart, EndOf(master.Start.Local, firstStart));
        foreach (var rule in master.RecurrenceRules)
        {
            var until = UntilLocal(rule.Until, isDate, zone, zones);
            var generated = 0;
            var expander = new RecurrenceExpander(rule, master.Start.Local);
            foreach (var local in expander.Expand(until, lowLocal))
            {
                if (local > highLocal)
                {
                    break;
                }

                if (++generated > MaxInstancesPerSeries)
                {
                    cut.Add(master.Uid);
                    break;
                }

                var start = ZoneContext.ToInstant(local, isDate, zone);
                AddStart(local, start, EndOf(local, start));
            }

            if (expander.PeriodLimitReached)
            {
                cut.Add(master.Uid);
            }
        }

        foreach (var rdate in master.RecurrenceDates)
        {
            var start = zones.ToInstant(rdate.Start);
            var local = isDate ? rdate.Start.Date.AtMidnight() : start.InZone(zone).LocalDateTime;
            if (isDate)
            {
                start = ZoneContext.ToInstant(local, true, zone);
            }

            var rdateEnd = rdate switch
            {
                { End: { } e } => zones.ToInstant(e),
                { Duration: { } d } => rdate.Start.IsDate ? zones.DateZone.AtStartOfDay(rdate.Start.Date.PlusDays(d.Days)).ToInstant() + d.Time : d.AddTo(rdate.Start.Local, zones.ZoneOf(rdate.Start)),
                _ => EndOf(local, start),
            };
            AddStart(local, start, rdateEnd < start ? start : rdateEnd);
        }

        var excludedInstants = new HashSet<Instant>();
        var excludedDates = new HashSet<LocalDate>();
        foreach (var exdate in master.ExceptionDates)
        {
            if (exdate.IsDate || isDate)
            {
                excludedDates.Add(exdate.IsDate ? exdate.Date : zones.ToInstant(exdate).InZone(zone).Date);
            }
            else
            {
                excludedInstants.Add(zones.ToInstant(exdate));
            }
        }

        foreach (var (start, (local, end)) in starts)
        {
            if (excludedInstants.Contains(start) || excludedDates.Contains(local.Date))
            {
                continue;
            }

            var recurrenceId = master.Start.Kind switch
            {
                CalendarDateTimeKind.Date => CalendarDateTime.FromDate(local.Date),
                CalendarDateTimeKind.Utc => CalendarDateTime.FromInstant(start),
                CalendarDateTimeKind.Zoned => CalendarDateTime.InZone(local, master.Start.TzId!),
                _ => CalendarDateTime.Floating(local),
            };
            yield return new Instance(local, start, end, recurrenceId, master);
        }
    }

    /// <summary>
    /// A later instance of a RANGE=THISANDFUTURE override (RFC 5545 §3.8.4.4): moved as the override moved the instance
    /// it names, in the series' local time (§3.3.10), so a weekly Friday 10:00 moved to Monday 10:00 stays 10:00 across
    /// a DST change (a UTC series moves on the UTC clock, a floating one on its own wall clock). A moved local time in a gap
    /// moves forward by the gap, an ambiguous one takes the earlier offset (<see cref="ZoneContext"/>). The end is the
    /// override's: its exact length for a DTEND on a DATE-TIME, else its nominal DURATION or whole days from the moved start.
    /// </summary>
    private static (Instant Start, Instant End) Moved(Instance instance, CalendarEvent governing, ZoneContext zones)
    {
        var zone = zones.ZoneOf(instance.Source.Start);
        var isDate = instance.Source.Start.IsDate;
        LocalDateTime Local(CalendarDateTime value) => value.IsDate || zones.ZoneOf(value) == zone ? value.Local : zones.ToInstant(value).InZone(zone).LocalDateTime;
        var shift = Period.Between(Local(governing.RecurrenceId!.Value), Local(governing.Start), PeriodUnits.Days | PeriodUnits.AllTimeUnits);
        var local = instance.Local + shift;
        var start = ZoneContext.ToInstant(local, isDate, zone);
        var end = governing.End is not null && !governing.Start.IsDate
            ? start + (OwnEnd(governing, zones) - zones.ToInstant(governing.Start))
            : EndFromNominal(governing, local, start, zone);
        return (start, end);
    }

    /// <summary>End of a single (non-recurring) occurrence from DTEND, DURATION or the RFC 5545 §3.6.1 defaults (a DATE lasts one day, a DATE-TIME zero).</summary>
    private static Instant OwnEnd(CalendarEvent e, ZoneContext zones)
    {
        var start = zones.ToInstant(e.Start);
        if (e.End is { } end)
        {
            var result = zones.ToInstant(end);
            return result < start ? start : result;
        }

        return EndFromNominal(e, e.Start.Local, start, zones.ZoneOf(e.Start));
    }

    private static Instant EndFromNominal(CalendarEvent e, LocalDateTime local, Instant start, DateTimeZone zone)
    {
        if (e.Start.IsDate)
        {
            var days = e.End is { } endDate ? Period.DaysBetween(e.Start.Date, endDate.Date) : e.Duration?.Days ?? 1;
            var time = e.End is null ? e.Duration?.Time ?? Duration.Zero : Duration.Zero;
            var result = zone.AtStartOfDay(local.Date.PlusDays(days)).ToInstant() + time;
            return result < start ? start : result;
        }

        return e.Duration is { } duration ? Max(duration.AddTo(local, zone), start) : start;
    }

    /// <summary>
    /// UNTIL in the series' wall clock. A UTC UNTIL is converted to the zone; a DATE UNTIL on a
    /// DATE-TIME series includes that whole local day (the types should match per RFC 5545
    /// §3.3.10; producers that write a DATE mean "up to and including that day").
    /// </summary>
    private static LocalDateTime? UntilLocal(CalendarDateTime? until, bool isDate, DateTimeZone zone, ZoneContext zones) => until switch
    {
        null => null,
        { IsDate: true } u => isDate ? u.Date.AtMidnight() : u.Date.PlusDays(1).AtMidnight().PlusSeconds(-1),
        { Kind: CalendarDateTimeKind.Floating } u => isDate ? u.Date.AtMidnight() : u.Local,
        { } u => isDate ? zones.ToInstant(u).InZone(zone).Date.AtMidnight() : zones.ToInstant(u).InZone(zone).LocalDateTime,
    };

    private static void Add(List<EventOccurrence> results, Interval window, CalendarEvent source, Instant start, Instant end, CalendarDateTime? recurrenceId)
    {
        var overlaps = start == end
            ? start >= window.Start && start < window.End
            : start < window.End && end > window.Start;
        if (overlaps)
        {
            results.Add(new EventOccurrence(source.Uid, start, end, source.IsAllDay, source.Summary, source.Status, source.Transparency, recurrenceId, source));
        }
    }

    private static Dictionary<Instant, CalendarEvent> Latest(IEnumerable<CalendarEvent> events, Func<CalendarEvent, Instant> key)
    {
        var map = new Dictionary<Instant, CalendarEvent>();
        foreach (var e in events)
        {
            var k = key(e);
            if (!map.TryGetValue(k, out var existing) || existing.Sequence <= e.Sequence)
            {
                map[k] = e;
            }
        }

        return map;
    }

    /// <summary>The identity of an original start: its instant, or for a DATE a marker instant derived from the date alone.</summary>
    private static Instant Key(CalendarDateTime value, bool dateSeries, ZoneContext zones) =>
        value.IsDate || dateSeries ? DateKey(value.Date) : zones.ToInstant(value);

    /// <summary>Dates are keyed far outside any real instant so they never collide with date-time keys.</summary>
    private static Instant DateKey(LocalDate date) =>
        Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0) - Duration.FromDays(365 * 9000);

    private static Instant Clamp(Instant value) => value < MinSafe ? MinSafe : value > MaxSafe ? MaxSafe : value;

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private readonly record struct Instance(LocalDateTime Local, Instant Start, Instant End, CalendarDateTime? RecurrenceId, CalendarEvent Source)
    {
        public Instant Key(ZoneContext zones) => Source.Start.IsDate ? DateKey(Local.Date) : Start;
    }
}
