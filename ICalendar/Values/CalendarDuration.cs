namespace Scheduler.ICalendar.Values;

/// <summary>
/// A DURATION value (RFC 5545 §3.3.6). Weeks and days are nominal (a day is a calendar day,
/// 23 or 25 hours across a DST change); hours, minutes and seconds are exact. Both parts carry
/// the sign of the value.
/// </summary>
/// <param name="Days">Nominal days (weeks × 7 + days), signed.</param>
/// <param name="Time">Exact part (hours, minutes, seconds), signed like <paramref name="Days"/>.</param>
public readonly record struct CalendarDuration(int Days, Duration Time)
{
    /// <summary>The zero duration (<c>PT0S</c>).</summary>
    public static CalendarDuration Zero => new(0, Duration.Zero);

    /// <summary>Whether the duration is negative (e.g. <c>-PT15M</c>).</summary>
    public bool IsNegative => Days < 0 || Time < Duration.Zero;

    /// <summary>
    /// Parses <c>[+|-]P</c> followed by weeks (<c>nW</c>) or days and/or a time part
    /// (<c>nD</c>, <c>TnHnMnS</c>). Weeks combined with other units, which some producers
    /// write, are accepted.
    /// </summary>
    /// <param name="text">The value text, e.g. <c>PT1H30M</c>, <c>P1D</c>, <c>-P2W</c>.</param>
    /// <exception cref="FormatException">The text is not a DURATION.</exception>
    public static CalendarDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        var i = 0;
        var sign = 1;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            sign = s[i] == '-' ? -1 : 1;
            i++;
        }

        if (i >= s.Length || char.ToUpperInvariant(s[i]) != 'P')
        {
            throw new FormatException($"'{text}' is not a DURATION value (it must start with P).");
        }

        i++;
        long days = 0;
        long seconds = 0;
        var inTime = false;
        var anyPart = false;
        while (i < s.Length)
        {
            if (char.ToUpperInvariant(s[i]) == 'T')
            {
                inTime = true;
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length || i - start > 9)
            {
                throw new FormatException($"'{text}' is not a DURATION value.");
            }

            var n = long.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = char.ToUpperInvariant(s[i++]);
            anyPart = true;
            switch (unit)
            {
                case 'W' when !inTime:
                    days += n * 7;
                    break;
                case 'D' when !inTime:
                    days += n;
                    break;
                case 'H' when inTime:
                    seconds += n * 3600;
                    break;
                case 'M' when inTime:
                    seconds += n * 60;
                    break;
                case 'S' when inTime:
                    seconds += n;
                    break;
                default:
                    throw new FormatException($"'{text}' is not a DURATION value (unexpected '{unit}').");
            }
        }

        if (!anyPart || days > 3_650_000)
        {
            throw new FormatException($"'{text}' is not a DURATION value.");
        }

        return new CalendarDuration(sign * (int)days, Duration.FromSeconds(sign * seconds));
    }

    /// <summary>
    /// Adds the duration to a wall-clock start in a zone: the nominal days move the wall clock
    /// (resolved leniently, RFC 5545 §3.3.5), then the exact part is added to the instant.
    /// </summary>
    /// <param name="start">Wall-clock start.</param>
    /// <param name="zone">Zone of <paramref name="start"/>.</param>
    /// <returns>The end instant.</returns>
    public Instant AddTo(LocalDateTime start, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.AtLeniently(start.PlusDays(Days)).ToInstant() + Time;
    }

    /// <summary>Formats the value as iCalendar text, e.g. <c>P1DT2H</c>, <c>-PT15M</c>, <c>PT0S</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        var negative = IsNegative;
        if (negative)
        {
            builder.Append('-');
        }

        builder.Append('P');
        var days = Math.Abs(Days);
        var seconds = (long)Math.Abs(Time.TotalSeconds);
        if (days > 0)
        {
            builder.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (seconds > 0 || days == 0)
        {
            builder.Append('T');
            var (h, rest) = Math.DivRem(seconds, 3600);
            var (m, sec) = Math.DivRem(rest, 60);
            if (h > 0)
            {
                builder.Append(h.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (m > 0)
            {
                builder.Append(m.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            if (sec > 0 || seconds == 0)
            {
                builder.Append(sec.ToString(CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return builder.ToString();
    }
}
