namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes content lines (RFC 5545 §3.1): CRLF line ends, lines folded so that no line exceeds
/// 75 octets of UTF-8 (a continuation line starts with one space, which counts), never inside
/// a multi-byte character; parameter values quoted when they contain <c>;</c>, <c>:</c> or
/// <c>,</c> and encoded per RFC 6868. Also writes the parts every writer's objects share: the
/// VCALENDAR head, the VEVENT head with its times in UTC, and calendar user addresses.
/// </summary>
internal sealed class ContentLineWriter
{
    private readonly StringBuilder _output = new();

    public ContentLineWriter Line(string name, string value, params (string Name, string Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (parameterName, parameterValue) in parameters)
        {
            line.Append(';').Append(parameterName).Append('=').Append(ParameterValue(parameterValue));
        }

        line.Append(':').Append(value);
        _output.Append(ContentLines.Fold(line.ToString())).Append("\r\n");
        return this;
    }

    /// <summary><c>BEGIN:VCALENDAR</c>, <c>VERSION:2.0</c> and the <c>PRODID</c>; for an iTIP message (a <paramref name="method"/>) also <c>CALSCALE:GREGORIAN</c> and the <c>METHOD</c>.</summary>
    public ContentLineWriter BeginCalendar(string productId, string? method = null)
    {
        Line("BEGIN", "VCALENDAR").Line("VERSION", "2.0").Line("PRODID", CalendarText.Escape(productId));
        return method is null ? this : Line("CALSCALE", "GREGORIAN").Line("METHOD", method);
    }

    /// <summary><c>BEGIN:VEVENT</c>, then UID, SEQUENCE (when given), DTSTAMP, DTSTART and DTEND in UTC, and SUMMARY.</summary>
    public ContentLineWriter BeginEvent(string uid, int? sequence, Instant stamp, Instant start, Instant end, string summary)
    {
        Line("BEGIN", "VEVENT").Line("UID", CalendarText.Escape(uid));
        if (sequence is { } revision)
        {
            Line("SEQUENCE", revision.ToString(CultureInfo.InvariantCulture));
        }

        return Line("DTSTAMP", Utc(stamp)).Line("DTSTART", Utc(start)).Line("DTEND", Utc(end)).Line("SUMMARY", CalendarText.Escape(summary));
    }

    /// <summary>A TEXT property, escaped, when it has a value; nothing for <see langword="null"/>.</summary>
    public ContentLineWriter Text(string name, string? value) => value is null ? this : Line(name, CalendarText.Escape(value));

    /// <summary>A calendar user address (<c>ORGANIZER</c>, <c>ATTENDEE</c>): <c>mailto:</c> and the trimmed email, with <c>CN</c> first when there is a name.</summary>
    public ContentLineWriter Address(string name, string email, string? commonName, params (string Name, string Value)[] parameters) =>
        Line(name, "mailto:" + email.Trim(), string.IsNullOrEmpty(commonName) ? parameters : [("CN", commonName), .. parameters]);

    public override string ToString() => _output.ToString();

    private static string Utc(Instant instant) => CalendarDateTime.FromInstant(instant).ToString();

    private static string ParameterValue(string value)
    {
        var encoded = value.Replace("^", "^^", StringComparison.Ordinal)
            .Replace("\r\n", "^n", StringComparison.Ordinal)
            .Replace("\n", "^n", StringComparison.Ordinal)
            .Replace("\"", "^'", StringComparison.Ordinal);
        return encoded.IndexOfAny([';', ':', ',']) >= 0 || encoded.Contains(' ') ? "\"" + encoded + "\"" : encoded;
    }
}
