using NodaTime;
using Scheduler.Scheduling.Intervals;
using Scheduler.Scheduling.Participants;

namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// Builds a participant's raw busy set from calendar events (DESIGN.md §4): cancelled and transparent
/// events are dropped, all-day events span the participant's local dates, everything is merged.
/// Buffers are not applied here; the engine applies them (see <see cref="ParticipantAvailabilityInput"/>).
/// </summary>
public static class BusyNormalizer
{
    /// <summary>Normalizes events into a busy set.</summary>
    /// <param name="zone">The participant's zone, which decides where all-day events begin and end.</param>
    /// <param name="events">Timed events (any order).</param>
    /// <param name="allDayEvents">All-day events (any order); may be empty.</param>
    /// <returns>The sorted, coalesced busy intervals (UTC).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IntervalSet Normalize(DateTimeZone zone, IEnumerable<CalendarEvent> events, IEnumerable<AllDayEvent> allDayEvents)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(allDayEvents);
        var spans = new List<TimeInterval>();
        foreach (var e in events)
        {
            if (e.IsBusy && e.End > e.Start)
            {
                spans.Add(new TimeInterval(e.Start, e.End));
            }
        }

        foreach (var e in allDayEvents)
        {
            if (e.IsBusy && e.LastDate >= e.FirstDate)
            {
                spans.Add(new TimeInterval(zone.AtStartOfDay(e.FirstDate).ToInstant(), zone.AtStartOfDay(e.LastDate.PlusDays(1)).ToInstant()));
            }
        }

        return IntervalSet.From(spans);
    }

    /// <summary>Normalizes timed events only.</summary>
    /// <param name="events">Timed events (any order).</param>
    /// <returns>The sorted, coalesced busy intervals (UTC).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    public static IntervalSet Normalize(IEnumerable<CalendarEvent> events) => Normalize(DateTimeZone.Utc, events, []);
}
