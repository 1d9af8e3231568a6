namespace Scheduler.ICalendar.Values;

/// <summary>
/// A DATE or DATE-TIME value as written (RFC 5545 §3.3.4, §3.3.5): the wall-clock value, which
/// of the four forms it has, and the <c>TZID</c> for the zoned form. Converting it to an
/// instant needs a zone for the floating and date forms; see <see cref="VCalendar"/>.
/// </summary>
/// <param name="Local">The written value; for <see cref="CalendarDateTimeKind.Date"/> the time of day is midnight; for <see cref="CalendarDateTimeKind.Utc"/> it is the UTC wall-clock.</param>
/// <param name="Kind">Which form the value has.</param>
/// <param name="TzId">The <c>TZID</c> parameter for <see cref="CalendarDateTimeKind.Zoned"/>; otherwise <see langword="null"/>.</param>
public readonly record struct CalendarDateTime(LocalDateTime Local, CalendarDateTimeKind Kind, string? TzId = null)
{
    /// <summary>Whether this is a DATE value (an all-day value).</summary>
    public bool IsDate => Kind == CalendarDateTimeKind.Date;

    /// <summary>The calendar date part.</summary>
    public LocalDate Date => Local.Date;

    /// <summary>A DATE value.</summary>
    /// <param name="date">The day.</param>
    public static CalendarDateTime FromDate(LocalDate date) => new(date.AtMidnight(), CalendarDateTimeKind.Date);

    /// <summary>A UTC DATE-TIME value (form #2).</summary>
    /// <param name="instant">The instant.</param>
    public static CalendarDateTime FromInstant(Instant instant) => new(instant.InUtc().LocalDateTime, CalendarDateTimeKind.Utc);

    /// <summary>A floating DATE-TIME value (form #1).</summary>
    /// <param name="local">The wall-clock time.</param>
    public static CalendarDateTime Floating(LocalDateTime local) => new(local, CalendarDateTimeKind.Floating);

    /// <summary>A DATE-TIME with a time zone reference (form #3).</summary>
    /// <param name="local">The wall-clock time in the zone.</param>
    /// <param name="tzId">The <c>TZID</c>; must not be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="tzId"/> is empty.</exception>
    public static CalendarDateTime InZone(LocalDateTime local, string tzId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tzId);
        return new CalendarDateTime(local, CalendarDateTimeKind.Zoned, tzId);
    }

    /// <summary>
    /// Parses a DATE (<c>YYYYMMDD</c>) or DATE-TIME (<c>YYYYMMDDTHHMMSS</c> with an optional
    /// <c>Z</c>) value. The form is decided by the text itself (a wrong <c>VALUE=</c> parameter is
    /// tolerated); a <c>TZID</c> is ignored for UTC and DATE values (RFC 5545 §3.2.19). A leap
    /// second (<c>60</c>) is read as <c>59</c>.
    /// </summary>
    /// <param name="text">The value text.</param>
    /// <param name="tzId">The <c>TZID</c> parameter, or <see langword="null"/>.</param>
    /// <exception cref="FormatException">The text is neither form, or names a day or time that does not exist.</exception>
    public static CalendarDateTime Parse(string text, string? tzId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if ((s.Length == 8 || (s.Length == 9 && (s[8] == 'Z' || s[8] == 'z'))) && AllDigits(s, 0, 8))
        {
            // A DATE; a stray Z after it (written by some producers) is ignored.
            return FromDate(ParseDate(s, text));
        }

        var utc = s.EndsWith('Z') || s.EndsWith('z');
        var core = utc ? s[..^1] : s;
        if (core.Length != 15 || (core[8] != 'T' && core[8] != 't') || !AllDigits(core, 0, 8) || !AllDigits(core, 9, 6))
        {
            throw new FormatException($"'{text}' is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]) value.");
        }

        var date = ParseDate(core[..8], text);
        var hour = Number(core, 9, 2);
        var minute = Number(core, 11, 2);
        var second = Math.Min(Number(core, 13, 2), 59);
        if (hour > 23 || minute > 59)
        {
            throw new FormatException($"'{text}' has a time of day out of range.");
        }

        var local = date + new LocalTime(hour, minute, second);
        if (utc)
        {
            return new CalendarDateTime(local, CalendarDateTimeKind.Utc);
        }

        return string.IsNullOrWhiteSpace(tzId) ? Floating(local) : InZone(local, tzId.Trim());
    }

    /// <summary>Formats the value as iCalendar text (<c>YYYYMMDD</c>, <c>YYYYMMDDTHHMMSS</c> or with <c>Z</c>); the <c>TZID</c> is not included.</summary>
    public override string ToString() => Kind switch
    {
        CalendarDateTimeKind.Date => Local.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        CalendarDateTimeKind.Utc => Local.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        _ => Local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
    };

    private static LocalDate ParseDate(string s, string original)
    {
        var year = Number(s, 0, 4);
        var month = Number(s, 4, 2);
        var day = Number(s, 6, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            throw new FormatException($"'{original}' names a day that does not exist.");
        }

        return new LocalDate(year, month, day);
    }

    private static bool AllDigits(string s, int start, int length) => s.AsSpan(start, length).IndexOfAnyExceptInRange('0', '9') < 0;

    private static int Number(string s, int start, int length) =>
        int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
