namespace Scheduler.ICalendar.Values;

/// <summary>
/// A PERIOD value (RFC 5545 §3.3.9): a start and either an explicit end
/// (<c>start/end</c>) or a duration (<c>start/duration</c>).
/// </summary>
/// <param name="Start">The start.</param>
/// <param name="End">The explicit end, or <see langword="null"/> when <paramref name="Duration"/> is given.</param>
/// <param name="Duration">The duration, or <see langword="null"/> when <paramref name="End"/> is given.</param>
public sealed record CalendarPeriod(CalendarDateTime Start, CalendarDateTime? End, CalendarDuration? Duration)
{
    /// <summary>Parses <c>start/end</c> or <c>start/duration</c>.</summary>
    /// <param name="text">The value text.</param>
    /// <param name="tzId">The <c>TZID</c> parameter applied to both date-times, or <see langword="null"/>.</param>
    /// <exception cref="FormatException">The text is not a PERIOD.</exception>
    public static CalendarPeriod Parse(string text, string? tzId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            throw new FormatException($"'{text}' is not a PERIOD value (no '/').");
        }

        var start = CalendarDateTime.Parse(text[..slash], tzId);
        var rest = text[(slash + 1)..].Trim();
        if (rest.StartsWith('P') || rest.StartsWith('+') || rest.StartsWith('-') || rest.StartsWith('p'))
        {
            return new CalendarPeriod(start, null, CalendarDuration.Parse(rest));
        }

        return new CalendarPeriod(start, CalendarDateTime.Parse(rest, tzId), null);
    }
}
