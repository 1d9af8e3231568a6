namespace Scheduler.ICalendar.Parsing;

/// <summary>One logical content line after unfolding, with the physical line where it starts.</summary>
/// <param name="Text">The unfolded text, without line terminator.</param>
/// <param name="LineNumber">1-based physical line number of the first physical line.</param>
internal readonly record struct UnfoldedLine(string Text, int LineNumber);
