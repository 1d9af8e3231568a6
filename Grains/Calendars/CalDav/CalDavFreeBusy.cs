using NodaTime;
using Scheduler.ICalendar;
using Scheduler.ICalendar.Values;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>Reads the VFREEBUSY answer of a <c>free-busy-query</c> (RFC 4791 §7.10; RFC 5545 §3.6.4, §3.8.2.6).</summary>
internal static class CalDavFreeBusy
{
    /// <summary>
    /// The busy periods: every FREEBUSY value whose FBTYPE is not <c>FREE</c> (BUSY is the
    /// default; BUSY-TENTATIVE and BUSY-UNAVAILABLE count as busy). Values are UTC by RFC 5545
    /// §3.8.2.6; a period ends at its end or after its duration.
    /// </summary>
    /// <param name="calendar">The parsed answer.</param>
    /// <returns>The busy periods, sorted by start.</returns>
    public static IReadOnlyList<BusyInterval> BusyPeriods(VCalendar calendar)
    {
        List<BusyInterval> busy = [];
        foreach (var freeBusy in calendar.Components.SelectMany(c => c.Components).Where(c => string.Equals(c.Name, "VFREEBUSY", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var property in freeBusy.GetProperties("FREEBUSY"))
            {
                var type = property.GetParameter("FBTYPE") ?? "BUSY";
                if (type.Equals("FREE", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var value in property.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var period = CalendarPeriod.Parse(value);
                    var start = period.Start.Local.InUtc().ToInstant();
                    var end = period.End is { } e ? e.Local.InUtc().ToInstant() : period.Duration!.Value.AddTo(period.Start.Local, DateTimeZone.Utc);
                    if (end > start)
                    {
                        busy.Add(new BusyInterval(start.ToDateTimeOffset(), end.ToDateTimeOffset(), BusySourceKind.Calendar));
                    }
                }
            }
        }

        return [.. busy.OrderBy(b => b.Start).ThenBy(b => b.End)];
    }
}
