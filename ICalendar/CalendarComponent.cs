namespace Scheduler.ICalendar;

/// <summary>
/// A component between <c>BEGIN:NAME</c> and <c>END:NAME</c> (RFC 5545 §3.4, §3.6): its
/// properties in file order and its nested components. Unknown and experimental
/// components (<c>X-</c>, IANA) are kept so callers can inspect them.
/// </summary>
public sealed class CalendarComponent
{
    /// <summary>Creates a component.</summary>
    /// <param name="name">Component name; stored upper-case.</param>
    /// <param name="properties">Properties in file order.</param>
    /// <param name="components">Nested components in file order.</param>
    /// <param name="lineNumber">1-based physical line of the <c>BEGIN</c> line.</param>
    public CalendarComponent(string name, IReadOnlyList<CalendarProperty> properties, IReadOnlyList<CalendarComponent> components, int lineNumber)
    {
        Name = name.ToUpperInvariant();
        Properties = properties;
        Components = components;
        LineNumber = lineNumber;
    }

    /// <summary>Upper-case component name, e.g. <c>VEVENT</c>.</summary>
    public string Name { get; }

    /// <summary>Properties in file order.</summary>
    public IReadOnlyList<CalendarProperty> Properties { get; }

    /// <summary>Nested components in file order (e.g. <c>VALARM</c> inside <c>VEVENT</c>).</summary>
    public IReadOnlyList<CalendarComponent> Components { get; }

    /// <summary>1-based physical line of the <c>BEGIN</c> line.</summary>
    public int LineNumber { get; }

    /// <summary>The first property with this name, or <see langword="null"/>.</summary>
    /// <param name="name">Property name, case-insensitive.</param>
    public CalendarProperty? GetProperty(string name) => GetProperties(name).FirstOrDefault();

    /// <summary>Every property with this name, in file order.</summary>
    /// <param name="name">Property name, case-insensitive.</param>
    public IEnumerable<CalendarProperty> GetProperties(string name) =>
        Properties.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
