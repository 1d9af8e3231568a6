using System.Globalization;
using System.Text;

namespace Scheduler.ICalendar.Benchmarks;

/// <summary>
/// Writes a deterministic calendar shaped like a busy shared mailbox export: <c>events</c> VEVENTs of which
/// <c>series</c> are recurring, over a 90-day span from <see cref="SpanStart"/>, in two zones with embedded
/// VTIMEZONEs (Europe/Berlin, America/New_York; both change to summer time inside the span), plus UTC and
/// all-day events. The series mix daily (COUNT), weekly (BYDAY, UNTIL), monthly (BYMONTHDAY and BYDAY with
/// BYSETPOS) and yearly rules with INTERVAL, EXDATEs, moved and cancelled occurrences (RECURRENCE-ID). One
/// in ten single events is cancelled or transparent.
/// </summary>
internal static class CalendarGenerator
{
    /// <summary>The first day of the span (local dates; the expansion window is 90 days from here in UTC).</summary>
    public static readonly DateTime SpanStart = new(2026, 3, 1);

    public static string Generate(int events, int series, int seed = 20_260_301)
    {
        var random = new Random(seed);
        var text = new StringBuilder(events * 400);
        text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Scheduler//Benchmark//EN\r\nCALSCALE:GREGORIAN\r\n");
        text.Append(BerlinZone).Append(NewYorkZone);
        for (var i = 0; i < series; i++)
        {
            AppendSeries(text, random, i);
        }

        for (var i = 0; i < events - series; i++)
        {
            AppendSingle(text, random, i);
        }

        text.Append("END:VCALENDAR\r\n");
        return text.ToString();
    }

    private static void AppendSeries(StringBuilder text, Random random, int n)
    {
        var zone = n % 2 == 0 ? "Europe/Berlin" : "America/New_York";
        var start = SpanStart.AddDays(random.Next(-30, 30)).AddHours(8 + random.Next(9)).AddMinutes(15 * random.Next(4));
        var minutes = 15 * random.Next(1, 5);
        var uid = $"series-{n}@bench.example";
        var rule = (n % 6) switch
        {
            0 => $"FREQ=DAILY;COUNT={20 + random.Next(60)}",
            1 => $"FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL={Utc(start.AddDays(60 + random.Next(60)))}",
            2 => $"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU",
            3 => $"FREQ=MONTHLY;BYMONTHDAY={1 + random.Next(28)}",
            4 => "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            _ => $"FREQ=YEARLY;BYMONTH={1 + random.Next(12)};BYDAY=2TU",
        };
        Begin(text, uid, $"Series {n}");
        text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID={zone}:{Local(start)}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"DTEND;TZID={zone}:{Local(start.AddMinutes(minutes))}\r\n");
        text.Append("RRULE:").Append(rule).Append("\r\n");
        if (n % 3 == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"EXDATE;TZID={zone}:{Local(start.AddDays(7))},{Local(start.AddDays(14))}\r\n");
        }

        text.Append("END:VEVENT\r\n");
        if (n % 5 == 0 && rule.StartsWith("FREQ=DAILY", StringComparison.Ordinal))
        {
            var moved = start.AddDays(2);
            Begin(text, uid, $"Series {n} (moved)");
            text.Append(CultureInfo.InvariantCulture, $"RECURRENCE-ID;TZID={zone}:{Local(moved)}\r\n");
            text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID={zone}:{Local(moved.AddHours(2))}\r\n");
            text.Append(CultureInfo.InvariantCulture, $"DTEND;TZID={zone}:{Local(moved.AddHours(2).AddMinutes(minutes))}\r\n");
            text.Append("END:VEVENT\r\n");
            Begin(text, uid, $"Series {n} (cancelled)");
            text.Append(CultureInfo.InvariantCulture, $"RECURRENCE-ID;TZID={zone}:{Local(start.AddDays(3))}\r\n");
            text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID={zone}:{Local(start.AddDays(3))}\r\n");
            text.Append(CultureInfo.InvariantCulture, $"DTEND;TZID={zone}:{Local(start.AddDays(3).AddMinutes(minutes))}\r\n");
            text.Append("STATUS:CANCELLED\r\nEND:VEVENT\r\n");
        }
    }

    private static void AppendSingle(StringBuilder text, Random random, int n)
    {
        var day = SpanStart.AddDays(random.Next(90));
        Begin(text, $"single-{n}@bench.example", $"Meeting {n}");
        var kind = random.Next(20);
        if (kind == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{day:yyyyMMdd}\r\nDTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}\r\n");
        }
        else
        {
            var start = day.AddHours(7 + random.Next(12)).AddMinutes(15 * random.Next(4));
            var minutes = 15 * random.Next(1, 9);
            var stamp = kind switch
            {
                < 8 => $"DTSTART;TZID=Europe/Berlin:{Local(start)}\r\nDTEND;TZID=Europe/Berlin:{Local(start.AddMinutes(minutes))}\r\n",
                < 15 => $"DTSTART;TZID=America/New_York:{Local(start)}\r\nDURATION:PT{minutes}M\r\n",
                _ => $"DTSTART:{Utc(start)}\r\nDTEND:{Utc(start.AddMinutes(minutes))}\r\n",
            };
            text.Append(stamp);
        }

        if (kind == 1)
        {
            text.Append("STATUS:CANCELLED\r\n");
        }
        else if (kind == 2)
        {
            text.Append("TRANSP:TRANSPARENT\r\n");
        }

        text.Append("END:VEVENT\r\n");
    }

    private static void Begin(StringBuilder text, string uid, string summary) =>
        text.Append(CultureInfo.InvariantCulture, $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260201T000000Z\r\nSUMMARY:{summary}\r\n");

    private static string Local(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private const string BerlinZone =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" +
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
        "END:VTIMEZONE\r\n";

    private const string NewYorkZone =
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n" +
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n" +
        "END:VTIMEZONE\r\n";
}
