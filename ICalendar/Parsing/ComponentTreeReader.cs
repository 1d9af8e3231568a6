namespace Scheduler.ICalendar.Parsing;

/// <summary>
/// Builds the component tree from content lines (RFC 5545 §3.4, §3.6). A file that is not an iCalendar object (no
/// <c>VCALENDAR</c>, content or an <c>END</c> outside it) throws <see cref="ICalendarParseException"/>. Inside it, a
/// damaged component is skipped with a warning marked <see cref="CalendarWarning.Skipped"/> and the rest is kept: one
/// whose <c>END</c> is mistyped (<c>END:VEVNT</c>), one left open when a sibling begins (<c>BEGIN:VEVENT</c> inside a
/// <c>VEVENT</c>) or its parent ends, and one never closed before the end of the file; a missing
/// <c>END:VCALENDAR</c> only warns. A malformed content line inside an event-like component (VEVENT, VTODO, VJOURNAL,
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

                if (stack.Count > 1 && stack.Peek().Name == name)
                {
                    Skip(stack, warnings, $"it has no END:{name} before the next BEGIN:{name} (line {line.LineNumber})");
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

                if (stack.Peek().Name != name)
                {
                    if (stack.Any(b => b.Name == name))
                    {
                        // The components above the one this END closes were never closed.
                        while (stack.Peek().Name != name)
                        {
                            Skip(stack, warnings, $"it has no END:{stack.Peek().Name} before END:{name} (line {line.LineNumber})");
                        }
                    }
                    else if (stack.Count > 1)
                    {
                        Skip(stack, warnings, $"END:{name} (line {line.LineNumber}) does not close it");
                        continue;
                    }
                    else
                    {
                        warnings.Add(new CalendarWarning(line.LineNumber, $"Ignored END:{name}: no BEGIN:{name} is open."));
                        continue;
                    }
                }

                var open = stack.Pop();
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

        while (stack.Count > 1)
        {
            Skip(stack, warnings, "the file ends before its END");
        }

        if (stack.Count == 1)
        {
            var open = stack.Pop();
            warnings.Add(new CalendarWarning(open.LineNumber, $"BEGIN:{open.Name} is never closed by END:{open.Name}; read to the end of the file."));
            calendars.Add(open.Build());
        }

        if (!sawAnyLine || calendars.Count == 0)
        {
            throw new ICalendarParseException(0, "the input contains no VCALENDAR object");
        }

        return calendars;
    }

    /// <summary>Drops the innermost open component (and what it holds) with a warning.</summary>
    private static void Skip(Stack<Builder> stack, List<CalendarWarning> warnings, string why)
    {
        var open = stack.Pop();
        warnings.Add(new CalendarWarning(open.LineNumber, $"Skipped BEGIN:{open.Name}: {why}.") { Skipped = true });
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
