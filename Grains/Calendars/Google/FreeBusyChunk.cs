using Scheduler.Grains.Common;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>One <c>freeBusy</c> call of a split query.</summary>
/// <param name="CalendarIds">At most <see cref="FreeBusyChunk.MaxCalendars"/> calendars.</param>
/// <param name="Range">At most <see cref="FreeBusyChunk.MaxRange"/> long (UTC).</param>
public sealed record FreeBusyChunk(IReadOnlyList<string> CalendarIds, TimeRange Range)
{
    /// <summary>The most calendars Google answers per <c>freeBusy</c> call (<c>calendarExpansionMax</c> maximum: 50).</summary>
    public const int MaxCalendars = 50;

    /// <summary>The longest range per <c>freeBusy</c> call we send: 90 days (Google refuses longer ranges with 400).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    /// <summary>Splits a query into calls within both limits: calendars in groups of 50, the range in pieces of at most 90 days.</summary>
    /// <param name="calendarIds">The calendars (duplicates are dropped, order kept).</param>
    /// <param name="range">The range; must end after it starts.</param>
    /// <returns>The calls, calendar group by calendar group, each group's pieces in time order.</returns>
    /// <exception cref="ArgumentException">The range is empty or reversed.</exception>
    public static IReadOnlyList<FreeBusyChunk> Plan(IReadOnlyList<string> calendarIds, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(calendarIds);
        ArgumentNullException.ThrowIfNull(range);
        if (range.End <= range.Start)
        {
            throw new ArgumentException("The range must end after it starts.", nameof(range));
        }

        var pieces = new List<TimeRange>();
        for (var start = range.Start; start < range.End; start += MaxRange)
        {
            var end = start + MaxRange < range.End ? start + MaxRange : range.End;
            pieces.Add(new TimeRange(start, end));
        }

        return [.. calendarIds.Distinct(StringComparer.Ordinal).Chunk(MaxCalendars)
            .SelectMany(group => pieces.Select(piece => new FreeBusyChunk(group, piece)))];
    }
}
