namespace Scheduler.ICalendar;

/// <summary>
/// A problem that did not stop the calendar from being read: typically one component that was
/// skipped (an event with an unreadable <c>DTSTART</c>) or a value that was ignored (an
/// unknown <c>TZID</c> treated as floating time).
/// </summary>
/// <param name="LineNumber">1-based physical line number of the content line or component concerned.</param>
/// <param name="Message">What was wrong and what the parser did about it.</param>
public sealed record CalendarWarning(int LineNumber, string Message)
{
    /// <summary>Whether a component (with what it holds) was left out, so the calendar was read only in part.</summary>
    public bool Skipped { get; init; }
}
