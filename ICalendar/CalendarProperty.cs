namespace Scheduler.ICalendar;

/// <summary>
/// One unfolded content line (RFC 5545 §3.1): <c>name *(";" param) ":" value</c>.
/// The value is kept exactly as written (TEXT escapes are not decoded here; see
/// <see cref="CalendarText.Unescape(string)"/>); parameter values are unquoted and decoded
/// per RFC 6868 (<c>^n</c>, <c>^'</c>, <c>^^</c>).
/// </summary>
public sealed record CalendarProperty
{
    /// <summary>Creates a property.</summary>
    /// <param name="name">Property name; stored upper-case (names are case-insensitive, RFC 5545 §2).</param>
    /// <param name="parameters">Parameters by upper-case name; each may carry several comma-separated values (RFC 5545 §3.2).</param>
    /// <param name="value">The raw value text after the first unquoted colon.</param>
    /// <param name="lineNumber">1-based physical line where the content line starts.</param>
    public CalendarProperty(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, string value, int lineNumber)
    {
        Name = name.ToUpperInvariant();
        Parameters = parameters;
        Value = value;
        LineNumber = lineNumber;
    }

    /// <summary>Upper-case property name, e.g. <c>DTSTART</c>.</summary>
    public string Name { get; }

    /// <summary>Parameters by upper-case name (e.g. <c>TZID</c>, <c>VALUE</c>); values unquoted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; }

    /// <summary>The raw value text (escapes not decoded).</summary>
    public string Value { get; }

    /// <summary>1-based physical line number where this content line starts.</summary>
    public int LineNumber { get; }

    /// <summary>The first value of a parameter, or <see langword="null"/> when the parameter is absent.</summary>
    /// <param name="name">Parameter name, case-insensitive.</param>
    public string? GetParameter(string name) =>
        Parameters.TryGetValue(name.ToUpperInvariant(), out var values) && values.Count > 0 ? values[0] : null;
}
