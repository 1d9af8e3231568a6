using Scheduler.Grains.Common;

namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// The in-memory cache of one participant activation's busy data: one entry per source (blocks,
/// and each configured calendar), covering a range, with the time it was fetched. An entry is
/// refetched when it does not cover the asked range or is older than its source's freshness; a
/// failed refresh keeps the old data and marks the answer stale. A calendar whose provider has no
/// registered source is reported stale with no intervals.
/// </summary>
internal sealed class BusyCache(IReadOnlyList<IBusySource> sources, TimeProvider time)
{
    private static readonly TimeSpan FetchMargin = TimeSpan.FromDays(7);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Forgets every entry of a provider (e.g. blocks after they are replaced).</summary>
    public void Invalidate(string provider)
    {
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(provider + ":", StringComparison.Ordinal)).ToArray())
        {
            _entries.Remove(key);
        }
    }

    /// <summary>Forgets everything (e.g. when the calendars change).</summary>
    public void Clear() => _entries.Clear();

    public async Task<(IReadOnlyList<BusyInterval> Intervals, DateTimeOffset? FetchedAt, bool Stale)> GetAsync(
        string participantKey, ParticipantProfile profile, IReadOnlyList<BusyBlock> blocks, TimeRange range, CancellationToken cancellationToken)
    {
        List<BusyInterval> intervals = [];
        DateTimeOffset? oldest = null;
        var stale = false;
        var slots = new List<(string Key, string Provider, CalendarSpec? Calendar)> { ($"{BlocksBusySource.ProviderName}:", BlocksBusySource.ProviderName, null) };
        for (var i = 0; i < profile.Calendars.Count; i++)
        {
            var calendar = profile.Calendars[i];
            slots.Add(($"{calendar.Provider}:{i}:{calendar.Url}{calendar.AccountId}{calendar.Mailbox}", calendar.Provider, calendar));
        }

        foreach (var (key, provider, calendar) in slots)
        {
            var source = sources.FirstOrDefault(s => s.Provider == provider);
            if (source is null)
            {
                stale = true;
                continue;
            }

            var now = time.GetUtcNow();
            _entries.TryGetValue(key, out var entry);
            var fresh = entry is not null && entry.Covers.Start <= range.Start && range.End <= entry.Covers.End
                && (source.FreshFor == TimeSpan.MaxValue || now - entry.FetchedAt <= source.FreshFor);
            if (!fresh)
            {
                var wanted = new TimeRange(range.Start - FetchMargin, range.End + FetchMargin);
                try
                {
                    var fetch = await source.FetchAsync(new BusySourceContext(participantKey, calendar, blocks, wanted) { TimeZone = profile.TimeZone }, cancellationToken);
                    entry = new Entry(wanted, fetch.Intervals, fetch.FetchedAt);
                    _entries[key] = entry;
                }
                catch (Exception exception) when (exception is not OperationCanceledException && calendar is not null)
                {
                    stale = true;
                }
            }

            if (entry is null)
            {
                continue;
            }

            if (calendar is not null && (oldest is null || entry.FetchedAt < oldest))
            {
                oldest = entry.FetchedAt;
            }
            else if (calendar is null && oldest is null)
            {
                oldest = entry.FetchedAt;
            }

            intervals.AddRange(entry.Intervals.Where(b => b.Start < range.End && range.Start < b.End));
        }

        return (intervals, oldest, stale);
    }

    private sealed record Entry(TimeRange Covers, IReadOnlyList<BusyInterval> Intervals, DateTimeOffset FetchedAt);
}
