namespace Scheduler.ICalendar.Parsing;

/// <summary>
/// One logical content line after unfolding, with the physical line where it starts. A line
/// that was not folded is a range of the original text (no copy); a folded one is its own string.
/// </summary>
/// <param name="Source">The string holding the line.</param>
/// <param name="Start">Where the line starts in <paramref name="Source"/>.</param>
/// <param name="Length">Its length, without line terminator.</param>
/// <param name="LineNumber">1-based physical line number of the first physical line.</param>
internal readonly record struct UnfoldedLine(string Source, int Start, int Length, int LineNumber)
{
    /// <summary>The unfolded text.</summary>
    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

    /// <summary>The unfolded text as a string (for messages).</summary>
    public string Text => Source.Substring(Start, Length);
}
