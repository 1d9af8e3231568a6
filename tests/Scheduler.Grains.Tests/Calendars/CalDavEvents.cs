namespace Scheduler.Grains.Tests.Calendars;

/// <summary>iCalendar bodies the CalDAV tests put on the server (built in code; no fixture files are copied).</summary>
internal static class CalDavEvents
{
    private const string Berlin =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" +
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
        "END:VTIMEZONE\r\n";

    /// <summary>A one-hour UTC event.</summary>
    public static string Single(string uid, DateTimeOffset start, int minutes = 60, string extra = "") => Calendar(
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{Utc(start)}\r\nDTEND:{Utc(start.AddMinutes(minutes))}\r\nSUMMARY:{uid}\r\n{extra}END:VEVENT\r\n");

    /// <summary>
    /// Weekly on Mondays 14:00–15:00 Europe/Berlin from 2026-01-05, 4 times; 2026-01-12 excluded
    /// (EXDATE); 2026-01-19 moved to Tuesday 2026-01-20 09:00–09:30 (RECURRENCE-ID override).
    /// Busy in UTC: 01-05 13:00–14:00, 01-20 08:00–08:30, 01-26 13:00–14:00.
    /// </summary>
    public static string WeeklyWithExceptions(string uid) => Calendar(
        Berlin +
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20260105T140000\r\nDTEND;TZID=Europe/Berlin:20260105T150000\r\n" +
        "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20260112T140000\r\nSUMMARY:weekly sync\r\nEND:VEVENT\r\n" +
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260119T140000\r\n" +
        "DTSTART;TZID=Europe/Berlin:20260120T090000\r\nDTEND;TZID=Europe/Berlin:20260120T093000\r\nSEQUENCE:1\r\nSUMMARY:weekly sync (moved)\r\nEND:VEVENT\r\n");

    private static string Calendar(string body) => $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Scheduler tests//EN\r\n{body}END:VCALENDAR\r\n";

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
