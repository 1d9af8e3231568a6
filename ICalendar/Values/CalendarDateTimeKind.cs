namespace Scheduler.ICalendar.Values;

/// <summary>The four forms a DATE or DATE-TIME value can take (RFC 5545 §3.3.4, §3.3.5).</summary>
public enum CalendarDateTimeKind
{
    /// <summary>A DATE (no time of day): a whole calendar day in the local time of whoever reads it.</summary>
    Date,

    /// <summary>A DATE-TIME without <c>Z</c> and without <c>TZID</c> (form #1): the same wall-clock time in every zone.</summary>
    Floating,

    /// <summary>A DATE-TIME with the <c>Z</c> suffix (form #2): an instant, UTC.</summary>
    Utc,

    /// <summary>A DATE-TIME with a <c>TZID</c> parameter (form #3): wall-clock time in that zone.</summary>
    Zoned,
}
