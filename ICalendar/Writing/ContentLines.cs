namespace Scheduler.ICalendar.Writing;

/// <summary>Content line folding (RFC 5545 §3.1).</summary>
public static class ContentLines
{
    /// <summary>The most octets of UTF-8 a content line holds before it is folded, CRLF not counted (RFC 5545 §3.1).</summary>
    public const int MaxOctets = 75;

    /// <summary>
    /// Folds one unfolded content line so that no physical line exceeds <see cref="MaxOctets"/> octets of UTF-8: a
    /// CRLF and one space (which counts) go before the character that would pass the limit, never inside a multi-byte
    /// character or a surrogate pair. No CRLF is added at the end.
    /// </summary>
    /// <param name="line">The content line, without its CRLF.</param>
    /// <returns>The line itself when it fits, else the folded line.</returns>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var folded = new StringBuilder(line.Length + (line.Length / MaxOctets * 3));
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }
}
