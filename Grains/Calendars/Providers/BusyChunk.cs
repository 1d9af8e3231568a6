namespace Scheduler.Grains.Calendars.Providers;

/// <summary>One free/busy call of a split query: at most a provider's number of calendars over at most its longest range.</summary>
/// <param name="CalendarIds">The calendars of the call.</param>
/// <param name="Range">The range of the call (UTC).</param>
public sealed record BusyChunk(IReadOnlyList<string> CalendarIds, TimeRange Range)
{
    /// <summary>
    /// Splits a query into calls within a provider's limits (Google <c>freeBusy</c>: 50 calendars, 90 days; Graph
    /// <c>getSchedule</c>: 20 schedules, under 62 days): calendars in groups of <paramref name="maxCalendars"/>, the
    /// range in consecutive pieces of at most <paramref name="maxRange"/>.
    /// </summary>
    /// <param name="calendarIds">The calendars (duplicates are dropped, order kept).</param>
    /// <param name="range">The range; must end after it starts.</param>
    /// <param name="maxCalendars">The most calendars per call; at least 1.</param>
    /// <param name="maxRange">The longest range per call; positive.</param>
    /// <returns>The calls, calendar group by calendar group, each group's pieces in time order.</returns>
    /// <exception cref="ArgumentException">The range is empty or reversed.</exception>
    public static IReadOnlyList<BusyChunk> Plan(IReadOnlyList<string> calendarIds, TimeRange range, int maxCalendars, TimeSpan maxRange)
    {
        ArgumentNullException.ThrowIfNull(calendarIds);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCalendars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxRange, TimeSpan.Zero);
        if (range.End <= range.Start)
        {
            throw new ArgumentException("The range must end after it starts.", nameof(range));
        }

        List<TimeRange> pieces = [];
        for (var start = range.Start; start < range.End; start += maxRange)
        {
            pieces.Add(new TimeRange(start, start + maxRange < range.End ? start + maxRange : range.End));
        }

        return [.. calendarIds.Distinct(StringComparer.Ordinal).Chunk(maxCalendars)
            .SelectMany(group => pieces.Select(piece => new BusyChunk(group, piece)))];
    }
}
