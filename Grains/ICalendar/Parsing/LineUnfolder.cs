using System.Text;

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
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        StringBuilder? current = null;
        var currentLine = 0;
        var physical = 0;
        var position = start;
        while (position <= text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], position);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text.Substring(position, lineEnd - position);
            physical++;
            if (end < 0)
            {
                position = text.Length + 1;
            }
            else
            {
                position = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            }

            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current is not null)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current is not null)
            {
                yield return new UnfoldedLine(current.ToString(), currentLine);
                current = null;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            current = new StringBuilder(line.Length + 16).Append(line);
            currentLine = physical;
        }

        if (current is not null)
        {
            yield return new UnfoldedLine(current.ToString(), currentLine);
        }
    }
}
