namespace Scheduler.ICalendar.Values;

/// <summary>Parses UTC-OFFSET values (RFC 5545 §3.3.14): <c>+HHMM</c>, <c>-HHMM</c>, optionally with seconds.</summary>
internal static class UtcOffsetParser
{
    public static Offset Parse(string text)
    {
        var s = text.Trim();
        if ((s.Length != 5 && s.Length != 7) || (s[0] != '+' && s[0] != '-') || s.AsSpan(1).IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            throw new FormatException($"'{text}' is not a UTC-OFFSET value (+HHMM or -HHMM).");
        }

        var hours = int.Parse(s.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = int.Parse(s.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var seconds = s.Length == 7 ? int.Parse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var total = (hours * 3600) + (minutes * 60) + seconds;
        if (hours > 18 || minutes > 59 || seconds > 59)
        {
            throw new FormatException($"'{text}' is out of range for a UTC offset.");
        }

        return Offset.FromSeconds(s[0] == '-' ? -total : total);
    }
}
