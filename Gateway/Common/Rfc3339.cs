using System.Globalization;
using System.Text.RegularExpressions;

namespace Scheduler.Gateway.Common;

/// <summary>RFC 3339 instants: read with <c>Z</c> or a numeric offset (required), written in UTC with <c>Z</c>.</summary>
public static partial class Rfc3339
{
    /// <summary>Parses an RFC 3339 date-time with an offset, e.g. <c>2025-03-10T09:00:00Z</c> or <c>2025-03-10T10:00:00+01:00</c>.</summary>
    /// <param name="text">The text. A space where the offset's <c>+</c> belongs (an unencoded <c>+</c> in a query string) is accepted.</param>
    /// <param name="value">The instant.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid RFC 3339 date-time with an offset.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var normalized = match.Groups["sign"].Value == " " ? text.Replace(' ', '+') : text;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Formats an instant in UTC with <c>Z</c>, with fractional seconds only when non-zero.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>E.g. <c>2025-03-10T09:00:00Z</c>.</returns>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|(?<sign>[+\- ])\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
