namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// What one participant activation knows of one configured calendar: the last good read (its range, intervals and
/// time), the read running in the background, and the failures since the last success. Used on the grain's turns only.
/// </summary>
/// <param name="source">The calendar's provider source.</param>
internal sealed class CalendarSlot(IBusySource source)
{
    /// <summary>The calendar's provider source.</summary>
    public IBusySource Source { get; } = source;

    /// <summary>The range the held data covers; <see langword="null"/> before the first good read.</summary>
    public TimeRange? Range { get; private set; }

    /// <summary>The held busy intervals (of <see cref="Range"/>).</summary>
    public IReadOnlyList<BusyInterval> Intervals { get; private set; } = [];

    /// <summary>When the held data was read (UTC); <see langword="null"/> before the first good read.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Whether the held intervals were read as events (<see cref="BusyFetch.FromEvents"/>).</summary>
    public bool FromEvents { get; private set; }

    /// <summary>Why the held data is only part of the calendar, or <see langword="null"/>.</summary>
    public string? PartialReason { get; private set; }

    /// <summary>The read running in the background, or <see langword="null"/>.</summary>
    public Task<CalendarRead>? Reading { get; private set; }

    /// <summary>The last read's error since the last success, or <see langword="null"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>Failed reads since the last success.</summary>
    public int Failures { get; private set; }

    /// <summary>No read starts before this (UTC): the backoff after a failure.</summary>
    public DateTimeOffset RetryAt { get; private set; }

    /// <summary>When the running read started, as a timestamp of the deadline clock (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long ReadingSince { get; private set; }

    private TimeRange? ReadingRange { get; set; }

    private int Generation { get; set; }

    private int DataGeneration { get; set; }

    private int ReadingGeneration { get; set; }

    /// <summary>Whether the held data covers <paramref name="range"/>.</summary>
    public bool Covers(TimeRange range) => Range is { } held && held.Start <= range.Start && range.End <= held.End;

    /// <summary>Whether the held data covers <paramref name="range"/>, is not outdated by a change notice and is within the source's freshness.</summary>
    public bool IsFresh(TimeRange range, DateTimeOffset now) =>
        Covers(range) && DataGeneration == Generation && ReadAt is { } at && now - at <= Source.FreshFor;

    /// <summary>Marks the held data outdated (the calendar changed); it is still used until a new read completes.</summary>
    public void Outdate() => Generation++;

    /// <summary>Whether a read should start for <paramref name="range"/>: the data is not fresh, no current read covers it, and no backoff is running.</summary>
    public bool NeedsRead(TimeRange range, DateTimeOffset now) =>
        !IsFresh(range, now)
        && !(Reading is not null && ReadingGeneration == Generation && ReadingRange is { } reading && reading.Start <= range.Start && range.End <= reading.End)
        && (Reading is not null || now >= RetryAt);

    /// <summary>The range a new read for <paramref name="wanted"/> should cover: with the running read's range, so neither is lost.</summary>
    public TimeRange ReadRangeFor(TimeRange wanted) =>
        Reading is not null && ReadingRange is { } reading
            ? new TimeRange(reading.Start < wanted.Start ? reading.Start : wanted.Start, reading.End > wanted.End ? reading.End : wanted.End)
            : wanted;

    /// <summary>Records a read that has started (replacing a running one, whose outcome is then ignored).</summary>
    /// <param name="reading">The read.</param>
    /// <param name="range">The range it reads.</param>
    /// <param name="since">When it started, as a timestamp of the deadline clock.</param>
    public void Started(Task<CalendarRead> reading, TimeRange range, long since)
    {
        Reading = reading;
        ReadingRange = range;
        ReadingGeneration = Generation;
        ReadingSince = since;
    }

    /// <summary>Takes the outcome of a completed read: new data, or one more failure and its backoff.</summary>
    /// <param name="now">The time (UTC).</param>
    /// <param name="backoff">The backoff after a given number of consecutive failures.</param>
    public void Settle(DateTimeOffset now, Func<int, TimeSpan> backoff)
    {
        if (Reading is not { IsCompletedSuccessfully: true } done)
        {
            return;
        }

        // Completed, and a read never faults (its failures are its outcome), so this does not block.
        var read = done.GetAwaiter().GetResult();
        Reading = null;
        if (read.Fetch is { } fetch)
        {
            Range = ReadingRange;
            Intervals = fetch.Intervals;
            ReadAt = fetch.FetchedAt;
            PartialReason = fetch.PartialReason;
            FromEvents = fetch.FromEvents;
            DataGeneration = ReadingGeneration;
            Error = null;
            Failures = 0;
            RetryAt = default;
        }
        else
        {
            Error = read.Error;
            Failures++;
            RetryAt = now + backoff(Failures);
        }

        ReadingRange = null;
    }
}
