namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// Collects the answers of the free/busy calls of one split query (<see cref="BusyChunk.Plan"/>) per calendar: busy
/// intervals from every call, and the first error reason a call gave for a calendar. Not thread-safe: calls run in
/// parallel add their answers after they complete.
/// </summary>
public sealed class BusyAnswers
{
    private readonly Dictionary<string, List<TimeRange>> _busy;
    private readonly Dictionary<string, string> _errors;

    /// <summary>Starts an empty collection for the calendars asked.</summary>
    /// <param name="calendarIds">The calendars asked; duplicates (under <paramref name="comparer"/>) are one calendar.</param>
    /// <param name="comparer">How the provider compares calendar ids (Google ids: ordinal; Graph mailboxes: ignoring case).</param>
    public BusyAnswers(IEnumerable<string> calendarIds, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(calendarIds);
        _busy = calendarIds.Distinct(comparer).ToDictionary(id => id, _ => new List<TimeRange>(), comparer);
        _errors = new Dictionary<string, string>(comparer);
    }

    /// <summary>Adds a busy interval of a calendar; one of a calendar not asked is ignored.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="interval">The busy interval (UTC).</param>
    public void AddBusy(string calendarId, TimeRange interval)
    {
        if (_busy.TryGetValue(calendarId, out var list))
        {
            list.Add(interval);
        }
    }

    /// <summary>Records why a calendar could not be read; the first reason given for a calendar is kept.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="reason">The provider's reason (e.g. <c>notFound</c>).</param>
    public void AddError(string calendarId, string reason) => _errors.TryAdd(calendarId, reason);

    /// <summary>The merged answer of the query.</summary>
    /// <param name="range">The range of the whole query (UTC); intervals are clipped to it.</param>
    /// <returns>
    /// Calendar id → busy intervals (clipped, ordered, overlapping or touching ones merged) for every calendar asked
    /// that no call refused, and calendar id → error reason for the others.
    /// </returns>
    public (IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors) Merged(TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var busy = _busy.Where(b => !_errors.ContainsKey(b.Key))
            .ToDictionary(b => b.Key, b => (IReadOnlyList<TimeRange>)Merge(b.Value, range), (IEqualityComparer<string>)_busy.Comparer);
        return (busy, _errors);
    }

    private static List<TimeRange> Merge(List<TimeRange> intervals, TimeRange range)
    {
        List<TimeRange> merged = [];
        var clipped = intervals
            .Select(i => new TimeRange(i.Start < range.Start ? range.Start : i.Start, i.End > range.End ? range.End : i.End))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start);
        foreach (var interval in clipped)
        {
            if (merged.Count > 0 && merged[^1].End >= interval.Start)
            {
                merged[^1] = merged[^1] with { End = merged[^1].End > interval.End ? merged[^1].End : interval.End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
