using NodaTime;
using NodaTime.Text;

namespace Scheduler.Gateway.Common;

/// <summary>
/// RFC 3339 instants (NodaTime's <see cref="OffsetDateTimePattern.Rfc3339"/>): read with <c>Z</c> or a numeric offset
/// (required), written in UTC with <c>Z</c>. Only instants from <see cref="Earliest"/> to before <see cref="Latest"/> are
/// read: a year away from the ends of <see cref="DateTimeOffset"/>, so the days and weeks added around a window never overflow.
/// </summary>
public static class Rfc3339
{
    /// <summary>The earliest instant read: 0002-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Earliest = new(2, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant no longer read: 9999-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What a value that is not an RFC 3339 instant is told, in a body or a batch item.</summary>
    public const string Expected = "Expected an RFC 3339 date-time with Z or an offset, in the years 0002–9998, e.g. 2025-03-10T09:00:00Z.";

    /// <summary>The largest offset a <see cref="DateTimeOffset"/> can hold: ±14:00.</summary>
    private static readonly Offset MaxOffset = Offset.FromHours(14);

    /// <summary>Parses an RFC 3339 date-time with an offset, e.g. <c>2025-03-10T09:00:00Z</c> or <c>2025-03-10T10:00:00+01:00</c>.</summary>
    /// <param name="text">
    /// The text: <c>T</c> and <c>Z</c> may be lower case (RFC 3339 §5.6), up to 9 fraction digits (kept to 100 ns), an
    /// offset of at most ±14:00. A space where the offset's <c>+</c> belongs (an unencoded <c>+</c> in a query string) is accepted.
    /// </param>
    /// <param name="value">The instant.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid RFC 3339 date-time with an offset, from <see cref="Earliest"/> to before <see cref="Latest"/>.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var result = OffsetDateTimePattern.Rfc3339.Parse(text.ToUpperInvariant().Replace(' ', '+'));
        if (!result.Success || result.Value.Offset > MaxOffset || result.Value.Offset < -MaxOffset)
        {
            return false;
        }

        // The local year first: in year 1 or 9999 the local time and the UTC time may not both fit a DateTimeOffset.
        var year = result.Value.LocalDateTime.Year;
        if (year < Earliest.Year || year >= Latest.Year)
        {
            return false;
        }

        value = result.Value.ToDateTimeOffset();
        if (value < Earliest || value >= Latest)
        {
            value = default;
            return false;
        }

        return true;
    }

    /// <summary>Formats an instant in UTC with <c>Z</c>, with fractional seconds only when non-zero.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>E.g. <c>2025-03-10T09:00:00Z</c>.</returns>
    public static string Format(DateTimeOffset value) => InstantPattern.ExtendedIso.Format(Instant.FromDateTimeOffset(value));
}
