using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// One participant activation's calendar data, one <see cref="CalendarSlot"/> per configured calendar. Reads run in
/// the background (<see cref="CalendarFetcher"/>) over the asked range plus a margin; answers wait for a running read
/// until <see cref="CalendarSourceOptions.AnswerWait"/> after it started (<see cref="CalendarSourceOptions.FirstReadWait"/>
/// when no data covers the range yet), so a burst of questions waits once, not once each; then they answer from the
/// data held and name the stale calendars with the reason.
/// A failed read is retried after a backoff doubling from <see cref="CalendarSourceOptions.FailureBackoff"/> to
/// <see cref="CalendarSourceOptions.MaxFailureBackoff"/>; meanwhile answers come at once. A calendar whose provider has
/// no registered source is stale with no intervals. Used on the grain's turns only (not thread-safe).
/// </summary>
/// <param name="sources">The registered calendar sources, one per provider.</param>
/// <param name="fetcher">Runs reads in the background.</param>
/// <param name="time">The silo's clock (freshness, backoff).</param>
internal sealed class BusyCache(IReadOnlyList<IBusySource> sources, CalendarFetcher fetcher, TimeProvider time)
{
    private static readonly TimeSpan FetchMargin = TimeSpan.FromDays(7);
    private readonly Dictionary<string, CalendarSlot> _slots = new(StringComparer.Ordinal);

    /// <summary>Marks every calendar of a provider due for a re-read (a change notice); its data is used until the read completes.</summary>
    public void Invalidate(string provider)
    {
        foreach (var slot in _slots.Values.Where(s => s.Source.Provider == provider))
        {
            slot.Outdate();
        }
    }

    /// <summary>Whether calendars of <paramref name="provider"/> are re-read to find conflicts (<see cref="IBusySource.PolledForConflicts"/>).</summary>
    public bool PolledForConflicts(string provider) => sources.Any(s => s.Provider == provider && s.PolledForConflicts);

    /// <summary>Forgets everything (the calendars changed).</summary>
    public void Clear() => _slots.Clear();

    /// <summary>Starts the reads <paramref name="range"/> needs, without waiting for them.</summary>
    public void Prefetch(string participantKey, ParticipantProfile profile, TimeRange range) => Plan(participantKey, profile, range);

    /// <summary>The calendars' busy time in <paramref name="range"/>, waiting for running reads at most the configured waits.</summary>
    public async Task<BusyRead> GetAsync(string participantKey, ParticipantProfile profile, TimeRange range)
    {
        var planned = Plan(participantKey, profile, range);
        var running = planned.Where(p => p.Slot?.Reading is { IsCompleted: false }).Select(p => p.Slot!).ToList();
        if (running.Count > 0)
        {
            await WaitAsync([.. running.Select(s => s.Reading!)], running.Max(s => Wait(s, range) - fetcher.Deadlines.GetElapsedTime(s.ReadingSince)));
        }

        var now = time.GetUtcNow();
        List<BusyInterval> intervals = [];
        List<BusyInterval> foreign = [];
        List<CalendarReadStatus> statuses = [];
        foreach (var (calendar, slot) in planned)
        {
            var label = CalendarFetcher.Label(calendar);
            if (slot is null)
            {
                statuses.Add(new CalendarReadStatus(label, calendar.Provider, null, true, $"no {calendar.Provider} calendar connector is configured"));
                continue;
            }

            slot.Settle(now, Backoff);
            var inRange = slot.Intervals.Where(b => b.Start < range.End && range.Start < b.End).Select(b => b with { Calendar = label }).ToList();
            intervals.AddRange(inRange);
            if (slot.FromEvents)
            {
                foreign.AddRange(inRange.Where(b => !b.WrittenByScheduler));
            }

            var fresh = slot.IsFresh(range, now);
            var reason = fresh ? slot.PartialReason : slot.Error ?? (slot.Reading is null ? "not read yet" : $"no answer yet ({Seconds(fetcher.Deadlines.GetElapsedTime(slot.ReadingSince))} s into the read)");
            statuses.Add(new CalendarReadStatus(label, calendar.Provider, slot.ReadAt, !fresh, reason));
        }

        var fetchedAt = statuses.Count == 0 ? now : statuses.Min(s => s.LastReadAt);
        return new BusyRead(intervals, fetchedAt, statuses) { Foreign = foreign };
    }

    private List<(CalendarSpec Calendar, CalendarSlot? Slot)> Plan(string participantKey, ParticipantProfile profile, TimeRange range)
    {
        var now = time.GetUtcNow();
        List<(CalendarSpec, CalendarSlot?)> planned = [];
        for (var i = 0; i < profile.Calendars.Count; i++)
        {
            var calendar = profile.Calendars[i];
            var key = $"{calendar.Provider}:{i}:{calendar.Url}{calendar.AccountId}{calendar.Mailbox}";
            if (!_slots.TryGetValue(key, out var slot))
            {
                if (sources.FirstOrDefault(s => s.Provider == calendar.Provider) is not { } source)
                {
                    planned.Add((calendar, null));
                    continue;
                }

                slot = new CalendarSlot(source);
                _slots[key] = slot;
            }

            slot.Settle(now, Backoff);
            if (slot.NeedsRead(range, now))
            {
                var wanted = slot.ReadRangeFor(new TimeRange(range.Start - FetchMargin, range.End + FetchMargin));
                slot.Started(fetcher.Start(slot.Source, new BusySourceContext(participantKey, calendar, wanted) { TimeZone = profile.TimeZone }), wanted, fetcher.Deadlines.GetTimestamp());
            }

            planned.Add((calendar, slot));
        }

        return planned;
    }

    private TimeSpan Wait(CalendarSlot slot, TimeRange range) => slot.Covers(range) ? fetcher.Options.AnswerWait : fetcher.Options.FirstReadWait;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private TimeSpan Backoff(int failures)
    {
        var options = fetcher.Options;
        var delay = options.FailureBackoff * Math.Pow(2, Math.Min(failures - 1, 20));
        return delay < options.MaxFailureBackoff ? delay : options.MaxFailureBackoff;
    }

    private async Task WaitAsync(Task[] reads, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var cancel = new CancellationTokenSource();
        await Task.WhenAny(Task.WhenAll(reads), Task.Delay(wait, fetcher.Deadlines, cancel.Token));
        await cancel.CancelAsync();
    }
}
