namespace Scheduler.ICalendar.Parsing;

/// <summary>
/// Builds the component tree from content lines (RFC 5545 §3.4, §3.6). Structural errors
/// (no <c>VCALENDAR</c>, an <c>END</c> that does not match its <c>BEGIN</c>, a missing
/// <c>END</c>, content outside <c>VCALENDAR</c>) throw <see cref="ICalendarParseException"/>.
/// A malformed content line inside an event-like component (VEVENT, VTODO, VJOURNAL,
/// VALARM, VFREEBUSY) is dropped with a warning, as other readers do; elsewhere it throws.
/// </summary>
internal static class ComponentTreeReader
{
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownComponents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VCALENDAR"] = "VCALENDAR", ["VEVENT"] = "VEVENT", ["VTIMEZONE"] = "VTIMEZONE", ["STANDARD"] = "STANDARD",
        ["DAYLIGHT"] = "DAYLIGHT", ["VALARM"] = "VALARM", ["VTODO"] = "VTODO", ["VFREEBUSY"] = "VFREEBUSY", ["VJOURNAL"] = "VJOURNAL",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> TolerantComponents =
        new(StringComparer.OrdinalIgnoreCase) { "VEVENT", "VTODO", "VJOURNAL", "VALARM", "VFREEBUSY" };

    public static IReadOnlyList<CalendarComponent> Read(string text, List<CalendarWarning> warnings)
    {
        var calendars = new List<CalendarComponent>();
        var stack = new Stack<Builder>();
        var sawAnyLine = false;
        foreach (var line in LineUnfolder.Unfold(text))
        {
            sawAnyLine = true;
            var property = ContentLineParser.TryParse(line, out var error);
            if (property is null)
            {
                if (stack.Count > 0 && TolerantComponents.Contains(stack.Peek().Name))
                {
                    warnings.Add(new CalendarWarning(line.LineNumber, $"Ignored a malformed content line in {stack.Peek().Name}: {error}."));
                    continue;
                }

                throw new ICalendarParseException(line.LineNumber, error ?? "malformed content line");
            }

            if (property.Name == "BEGIN")
            {
                var name = ComponentName(property.Value);
                if (name.Length == 0)
                {
                    throw new ICalendarParseException(line.LineNumber, "BEGIN without a component name");
                }

                if (stack.Count == 0 && name != "VCALENDAR")
                {
                    throw new ICalendarParseException(line.LineNumber, $"expected BEGIN:VCALENDAR but found BEGIN:{name}");
                }

                stack.Push(new Builder(name, line.LineNumber));
                continue;
            }

            if (property.Name == "END")
            {
                var name = ComponentName(property.Value);
                if (stack.Count == 0)
                {
                    throw new ICalendarParseException(line.LineNumber, $"END:{name} without a matching BEGIN");
                }

                var open = stack.Pop();
                if (open.Name != name)
                {
                    throw new ICalendarParseException(line.LineNumber, $"END:{name} does not close BEGIN:{open.Name} (line {open.LineNumber})");
                }

                var component = open.Build();
                if (stack.Count == 0)
                {
                    calendars.Add(component);
                }
                else
                {
                    stack.Peek().Components.Add(component);
                }

                continue;
            }

            if (stack.Count == 0)
            {
                throw new ICalendarParseException(line.LineNumber, $"property {property.Name} outside of BEGIN:VCALENDAR ... END:VCALENDAR");
            }

            stack.Peek().Properties.Add(property);
        }

        if (stack.Count > 0)
        {
            var open = stack.Peek();
            throw new ICalendarParseException(open.LineNumber, $"BEGIN:{open.Name} is never closed by END:{open.Name}");
        }

        if (!sawAnyLine || calendars.Count == 0)
        {
            throw new ICalendarParseException(0, "the input contains no VCALENDAR object");
        }

        return calendars;
    }

    private sealed class Builder(string name, int lineNumber)
    {
        public string Name { get; } = name;

        public int LineNumber { get; } = lineNumber;

        public List<CalendarProperty> Properties { get; } = [];

        public List<CalendarComponent> Components { get; } = [];

        public CalendarComponent Build() => new(Name, Properties, Components, LineNumber);
    }

    /// <summary>The upper-case component name of a BEGIN/END value (shared instances for the usual ones).</summary>
    private static string ComponentName(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return KnownComponents.TryGetValue(trimmed, out var known) ? known : trimmed.ToString().ToUpperInvariant();
    }
}
