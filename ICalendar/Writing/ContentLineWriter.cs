using System.Text;

namespace Scheduler.ICalendar.Writing;

/// <summary>
/// Writes content lines (RFC 5545 §3.1): CRLF line ends, lines folded so that no line exceeds
/// 75 octets of UTF-8 (a continuation line starts with one space, which counts), never inside
/// a multi-byte character; parameter values quoted when they contain <c>;</c>, <c>:</c> or
/// <c>,</c> and encoded per RFC 6868.
/// </summary>
internal sealed class ContentLineWriter
{
    private const int MaxOctets = 75;

    private readonly StringBuilder _output = new();

    public ContentLineWriter Line(string name, string value, params (string Name, string Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (parameterName, parameterValue) in parameters)
        {
            line.Append(';').Append(parameterName).Append('=').Append(ParameterValue(parameterValue));
        }

        line.Append(':').Append(value);
        Fold(line.ToString());
        return this;
    }

    public override string ToString() => _output.ToString();

    private void Fold(string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var charLength = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, charLength));
            if (octets + size > limit)
            {
                _output.Append("\r\n ");
                octets = 1;
                limit = MaxOctets;
            }

            _output.Append(line, i, charLength);
            octets += size;
            i += charLength - 1;
        }

        _output.Append("\r\n");
    }

    private static string ParameterValue(string value)
    {
        var encoded = value.Replace("^", "^^", StringComparison.Ordinal)
            .Replace("\r\n", "^n", StringComparison.Ordinal)
            .Replace("\n", "^n", StringComparison.Ordinal)
            .Replace("\"", "^'", StringComparison.Ordinal);
        return encoded.IndexOfAny([';', ':', ',']) >= 0 || encoded.Contains(' ') ? "\"" + encoded + "\"" : encoded;
    }
}
