namespace Scheduler.ICalendar;

/// <summary>
/// Escaping of TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newline are
/// written as <c>\\</c>, <c>\;</c>, <c>\,</c> and <c>\n</c>.
/// </summary>
public static class CalendarText
{
    /// <summary>
    /// Decodes a TEXT value: <c>\\</c> → <c>\</c>, <c>\;</c> → <c>;</c>, <c>\,</c> → <c>,</c>,
    /// <c>\n</c> or <c>\N</c> → line feed. An unknown escape (e.g. <c>\:</c>, which some
    /// producers emit) keeps the character after the backslash; a trailing lone backslash is kept.
    /// </summary>
    /// <param name="value">The raw value text.</param>
    /// <returns>The decoded text; never <see langword="null"/>.</returns>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IndexOf('\\') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\' || i == value.Length - 1)
            {
                builder.Append(c);
                continue;
            }

            var next = value[++i];
            builder.Append(next is 'n' or 'N' ? '\n' : next);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Encodes text as a TEXT value: backslash, semicolon and comma are escaped, a CRLF, CR or
    /// LF becomes <c>\n</c>.
    /// </summary>
    /// <param name="text">Text to encode.</param>
    /// <returns>The escaped value, without line folding.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case ';':
                    builder.Append(@"\;");
                    break;
                case ',':
                    builder.Append(@"\,");
                    break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits a multi-valued TEXT value (e.g. <c>CATEGORIES</c>, RFC 5545 §3.8.1.2) at unescaped
    /// commas and decodes each part.
    /// </summary>
    /// <param name="value">The raw value text.</param>
    /// <returns>The decoded parts; one empty string for an empty value.</returns>
    public static IReadOnlyList<string> SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == ',')
            {
                parts.Add(Unescape(value[start..i]));
                start = i + 1;
            }
        }

        parts.Add(Unescape(value[start..]));
        return parts;
    }
}
