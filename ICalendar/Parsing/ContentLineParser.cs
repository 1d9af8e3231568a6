namespace Scheduler.ICalendar.Parsing;

/// <summary>
/// Splits one unfolded content line into name, parameters and value (RFC 5545 §3.1, §3.2):
/// parameter values may be quoted (then they may contain <c>;</c>, <c>:</c> and <c>,</c>),
/// may list several values separated by commas, and are decoded per RFC 6868.
/// </summary>
internal static class ContentLineParser
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoParameters =
        new Dictionary<string, IReadOnlyList<string>>();

    // Property and parameter names that recur on almost every line: looked up by span instead of
    // allocating a new string each time (exact, upper-case spelling only; anything else is cut as before).
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BEGIN"] = "BEGIN", ["END"] = "END", ["UID"] = "UID", ["DTSTAMP"] = "DTSTAMP", ["DTSTART"] = "DTSTART", ["DTEND"] = "DTEND",
        ["DURATION"] = "DURATION", ["SUMMARY"] = "SUMMARY", ["DESCRIPTION"] = "DESCRIPTION", ["LOCATION"] = "LOCATION",
        ["RRULE"] = "RRULE", ["RDATE"] = "RDATE", ["EXDATE"] = "EXDATE", ["RECURRENCE-ID"] = "RECURRENCE-ID", ["STATUS"] = "STATUS",
        ["TRANSP"] = "TRANSP", ["SEQUENCE"] = "SEQUENCE", ["CREATED"] = "CREATED", ["LAST-MODIFIED"] = "LAST-MODIFIED",
        ["ORGANIZER"] = "ORGANIZER", ["ATTENDEE"] = "ATTENDEE", ["CLASS"] = "CLASS", ["TZID"] = "TZID", ["VALUE"] = "VALUE",
        ["TZOFFSETFROM"] = "TZOFFSETFROM", ["TZOFFSETTO"] = "TZOFFSETTO", ["TZNAME"] = "TZNAME", ["RANGE"] = "RANGE",
        ["CN"] = "CN", ["ROLE"] = "ROLE", ["PARTSTAT"] = "PARTSTAT", ["RSVP"] = "RSVP", ["CUTYPE"] = "CUTYPE",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses a line; returns <see langword="null"/> and a reason when it is malformed.</summary>
    public static CalendarProperty? TryParse(UnfoldedLine line, out string? error)
    {
        var text = line.Span;
        var i = 0;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        if (i == 0)
        {
            error = "the content line does not start with a property name";
            return null;
        }

        var name = Name(text[..i]);
        Dictionary<string, IReadOnlyList<string>>? parameters = null;
        while (i < text.Length && text[i] == ';')
        {
            i++;
            var nameStart = i;
            while (i < text.Length && IsNameChar(text[i]))
            {
                i++;
            }

            if (i == nameStart || i >= text.Length || text[i] != '=')
            {
                error = $"parameter {Quote(text[nameStart..Math.Min(i, text.Length)].ToString())} of {name} has no '=' and value";
                return null;
            }

            var parameterName = ParameterName(text[nameStart..i]);
            i++;
            var values = new List<string>(1);
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    var close = text[(i + 1)..].IndexOf('"');
                    if (close < 0)
                    {
                        error = $"quoted value of parameter {parameterName} is not closed";
                        return null;
                    }

                    close += i + 1;
                    values.Add(DecodeCaret(text[(i + 1)..close]));
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && text[i] is not (';' or ':' or ','))
                    {
                        i++;
                    }

                    values.Add(DecodeCaret(text[valueStart..i]));
                }

                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                break;
            }

            parameters ??= new Dictionary<string, IReadOnlyList<string>>(1, StringComparer.OrdinalIgnoreCase);
            if (parameters.TryGetValue(parameterName, out var existing))
            {
                values.InsertRange(0, existing);
            }

            parameters[parameterName] = values;
        }

        if (i >= text.Length || text[i] != ':')
        {
            error = $"property {name} has no ':' before its value";
            return null;
        }

        error = null;
        return new CalendarProperty(name, parameters ?? NoParameters, line.Source.Substring(line.Start + i + 1, line.Length - i - 1), line.LineNumber);
    }

    private static string Name(ReadOnlySpan<char> name) => KnownNames.TryGetValue(name, out var known) ? known : name.ToString();

    private static string ParameterName(ReadOnlySpan<char> name)
    {
        if (KnownNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var upper = name.ToString().ToUpperInvariant();
        return KnownNames.TryGetValue(upper, out known) ? known : upper;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_';

    private static string Quote(string s) => "'" + s + "'";

    private static string DecodeCaret(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('^') < 0)
        {
            return value.ToString();
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '^' && i + 1 < value.Length && value[i + 1] is 'n' or 'N' or '\'' or '^')
            {
                var next = value[++i];
                builder.Append(next switch { '\'' => '"', '^' => '^', _ => '\n' });
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}
