using NodaTime;
using Scheduler.Grains.Notifications;
using Scheduler.ICalendar;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Calendars;

/// <summary>Turns a parsed calendar into the participant's busy intervals.</summary>
internal static class OccurrenceMapping
{
    /// <summary>
    /// The busy occurrences of <paramref name="calendar"/> overlapping <paramref name="range"/>
    /// (not cancelled, not transparent: RFC 5545 §3.8.2.7, §3.8.1.11), floating and all-day
    /// values read in <paramref name="timeZone"/>. Zero-length occurrences are left out; Scheduler's own events are marked
    /// (<see cref="BusyInterval.WrittenByScheduler"/>).
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="range">The window.</param>
    /// <param name="timeZone">The participant's zone (IANA or Windows name); <see langword="null"/> or unknown means UTC.</param>
    /// <param name="source">The calendar as it may be reported (a redacted URL), for the exception.</param>
    /// <returns>Busy intervals with source <see cref="BusySourceKind.Calendar"/>, sorted by start.</returns>
    /// <exception cref="CalendarSourceException">A series in the window exceeds an expansion limit: its busy time is not fully known, and must never read as free.</exception>
    public static IReadOnlyList<BusyInterval> ToBusy(VCalendar calendar, TimeRange range, string? timeZone, string source)
    {
        var zone = TimeZones.ZoneOrUtc(timeZone);
        var busy = calendar.GetBusyIntervals(Instant.FromDateTimeOffset(range.Start), Instant.FromDateTimeOffset(range.End), zone);
        if (busy.CutSeries.Count > 0)
        {
            throw new CalendarSourceException(source, $"the series {busy.CutSeries[0]} repeats too often to expand in full (the iCalendar engine's expansion limits)");
        }

        return busy
            .Where(o => o.End > o.Start)
            .Select(o => new BusyInterval(o.Start.ToDateTimeOffset(), o.End.ToDateTimeOffset(), BusySourceKind.Calendar) { WrittenByScheduler = MessageIds.IsOwnUid(o.Uid) })
            .ToArray();
    }
}
