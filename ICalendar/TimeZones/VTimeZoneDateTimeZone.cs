using NodaTime.TimeZones;

namespace Scheduler.ICalendar.TimeZones;

/// <summary>
/// A NodaTime zone built from a <c>VTIMEZONE</c> component's own STANDARD and DAYLIGHT
/// observances (RFC 5545 §3.6.5): each observance's onsets come from its DTSTART, RRULE and
/// RDATE (local times in TZOFFSETFROM; UTC values accepted), and from each onset on the
/// offset is TZOFFSETTO. Before the first onset the first TZOFFSETFROM applies. Onsets are
/// generated up to the year <see cref="HorizonYear"/>; after it the last offset stays.
/// </summary>
internal sealed class VTimeZoneDateTimeZone : DateTimeZone
{
    /// <summary>Last year for which observance rules are expanded.</summary>
    public const int HorizonYear = 2200;

    private const int MaxTransitionsPerObservance = 2_000;

    private readonly Transition[] _transitions;
    private readonly Offset _initialOffset;
    private readonly string _initialName;

    private VTimeZoneDateTimeZone(string id, Transition[] transitions, Offset initialOffset, string initialName, Offset min, Offset max)
        : base(id, transitions.All(t => t.Offset == initialOffset), min, max)
    {
        _transitions = transitions;
        _initialOffset = initialOffset;
        _initialName = initialName;
    }

    /// <summary>Builds the zone; returns <see langword="null"/> when the component has no usable observance.</summary>
    public static VTimeZoneDateTimeZone? TryCreate(string id, CalendarComponent vtimezone)
    {
        var transitions = new List<Transition>();
        foreach (var observance in vtimezone.Components)
        {
            if (observance.Name is not ("STANDARD" or "DAYLIGHT"))
            {
                continue;
            }

            try
            {
                AddObservance(observance, transitions);
            }
            catch (FormatException)
            {
                // One unreadable observance does not spoil the others.
            }
        }

        if (transitions.Count == 0)
        {
            return null;
        }

        transitions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var distinct = new List<Transition>(transitions.Count);
        foreach (var transition in transitions)
        {
            if (distinct.Count > 0 && distinct[^1].Start == transition.Start)
            {
                distinct[^1] = transition;
            }
            else
            {
                distinct.Add(transition);
            }
        }

        var initial = distinct[0].From;
        var offsets = distinct.Select(t => t.Offset).Append(initial).ToList();
        return new VTimeZoneDateTimeZone(id, distinct.ToArray(), initial, distinct[0].Name, offsets.Min(), offsets.Max());
    }

    /// <inheritdoc />
    public override ZoneInterval GetZoneInterval(Instant instant)
    {
        var lo = 0;
        var hi = _transitions.Length - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_transitions[mid].Start <= instant)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        Instant? end = found + 1 < _transitions.Length ? _transitions[found + 1].Start : null;
        if (found < 0)
        {
            return new ZoneInterval(_initialName, null, _transitions[0].Start, _initialOffset, Offset.Zero);
        }

        var t = _transitions[found];
        return new ZoneInterval(t.Name, t.Start, end, t.Offset, t.Savings);
    }

    private static void AddObservance(CalendarComponent observance, List<Transition> transitions)
    {
        var from = UtcOffsetParser.Parse(Required(observance, "TZOFFSETFROM").Value);
        var to = UtcOffsetParser.Parse(Required(observance, "TZOFFSETTO").Value);
        var name = observance.GetProperty("TZNAME")?.Value is { Length: > 0 } n ? CalendarText.Unescape(n) : observance.Name;
        var daylight = observance.Name == "DAYLIGHT";
        var savings = daylight && to > from ? to - from : Offset.Zero;
        var start = CalendarDateTime.Parse(Required(observance, "DTSTART").Value);
        var added = 0;

        void Add(Instant onset)
        {
            if (added++ < MaxTransitionsPerObservance)
            {
                transitions.Add(new Transition(onset, from, to, name, savings));
            }
        }

        Instant Onset(CalendarDateTime value) =>
            value.Kind == CalendarDateTimeKind.Utc ? value.Local.InUtc().ToInstant() : value.Local.InUtc().ToInstant() - Duration.FromSeconds(from.Seconds);

        Add(Onset(start));
        var horizon = new LocalDateTime(HorizonYear, 1, 1, 0, 0);
        foreach (var rruleProperty in observance.GetProperties("RRULE"))
        {
            var rule = RecurrenceRule.Parse(rruleProperty.Value);
            LocalDateTime? until = rule.Until switch
            {
                null => null,
                { Kind: CalendarDateTimeKind.Utc } u => (u.Local.InUtc().ToInstant() + Duration.FromSeconds(from.Seconds)).InUtc().LocalDateTime,
                { Kind: CalendarDateTimeKind.Date } u => u.Date.PlusDays(1).AtMidnight().PlusSeconds(-1),
                { } u => u.Local,
            };
            foreach (var local in new RecurrenceExpander(rule, start.Local).Expand(until, null))
            {
                if (local >= horizon || added >= MaxTransitionsPerObservance)
                {
                    break;
                }

                Add(Onset(CalendarDateTime.Floating(local)));
            }
        }

        foreach (var rdate in observance.GetProperties("RDATE"))
        {
            var valueType = rdate.GetParameter("VALUE");
            foreach (var item in rdate.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var value = string.Equals(valueType, "PERIOD", StringComparison.OrdinalIgnoreCase) || item.Contains('/')
                    ? CalendarPeriod.Parse(item).Start
                    : CalendarDateTime.Parse(item);
                Add(Onset(value));
            }
        }
    }

    private static CalendarProperty Required(CalendarComponent component, string name) =>
        component.GetProperty(name) ?? throw new FormatException($"{component.Name} has no {name}.");

    private readonly record struct Transition(Instant Start, Offset From, Offset Offset, string Name, Offset Savings);
}
