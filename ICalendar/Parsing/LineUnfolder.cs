namespace Scheduler.ICalendar.Parsing;

/// <summary>
/// Splits iCalendar text into logical content lines (RFC 5545 §3.1): accepts CRLF, LF or a
/// lone CR as terminators, removes a leading byte order mark, and joins a line that starts
/// with a space or horizontal tab to the previous one after dropping that single character.
/// Blank lines are dropped (they are invalid, but harmless and common at the end of files).
/// </summary>
internal static class LineUnfolder
{
    public static IEnumerable<UnfoldedLine> Unfold(string text)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var physical = 0;
        while (position < text.Length)
        {
            var (lineStart, lineLength) = NextPhysical(text, ref position);
            physical++;
            if (IsBlank(text, lineStart, lineLength))
            {
                continue;
            }

            // Most lines are not folded: take them as one substring. Only a folded line is joined.
            var firstLine = physical;
            if (position >= text.Length || text[position] is not (' ' or '\t'))
            {
                yield return new UnfoldedLine(text, lineStart, lineLength, firstLine);
                continue;
            }

            var joined = new StringBuilder(lineLength * 2).Append(text, lineStart, lineLength);
            while (position < text.Length && text[position] is ' ' or '\t')
            {
                var (nextStart, nextLength) = NextPhysical(text, ref position);
                physical++;
                joined.Append(text, nextStart + 1, nextLength - 1);
            }

            var folded = joined.ToString();
            yield return new UnfoldedLine(folded, 0, folded.Length, firstLine);
        }
    }

    /// <summary>The physical line at <paramref name="position"/> (without terminator); moves past its terminator (CRLF, LF or CR).</summary>
    private static (int Start, int Length) NextPhysical(string text, ref int position)
    {
        var start = position;
        var end = text.AsSpan(position).IndexOfAny('\r', '\n');
        if (end < 0)
        {
            position = text.Length;
            return (start, text.Length - start);
        }

        end += position;
        position = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        return (start, end - start);
    }

    private static bool IsBlank(string text, int start, int length) => text.AsSpan(start, length).IsWhiteSpace();
}
