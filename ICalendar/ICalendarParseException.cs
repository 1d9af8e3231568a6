namespace Scheduler.ICalendar;

/// <summary>
/// Thrown when an iCalendar stream cannot be read as a whole: it is empty, it is not a
/// <c>VCALENDAR</c> object, its <c>BEGIN</c>/<c>END</c> lines do not nest (RFC 5545 §3.4, §3.6),
/// or a content line outside an event cannot be split into name, parameters and value
/// (RFC 5545 §3.1). Problems confined to one event are not thrown; they are reported in
/// <see cref="VCalendar.Warnings"/> and the event is skipped.
/// </summary>
public sealed class ICalendarParseException : FormatException
{
    /// <summary>Creates the exception for a failure at a physical line of the input.</summary>
    /// <param name="lineNumber">1-based physical line number where the failing content line starts; 0 when the failure concerns the whole input (e.g. it is empty).</param>
    /// <param name="reason">What is wrong, in words a calendar owner can act on.</param>
    public ICalendarParseException(int lineNumber, string reason)
        : base(lineNumber > 0 ? $"Invalid iCalendar data at line {lineNumber}: {reason}" : $"Invalid iCalendar data: {reason}")
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>1-based physical line number where the failing content line starts; 0 when the failure concerns the whole input.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the line number prefix.</summary>
    public string Reason { get; }
}
