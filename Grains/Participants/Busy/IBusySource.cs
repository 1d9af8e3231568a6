namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// A calendar provider's way to read a participant's busy time. The participant grain keeps a cache entry per
/// configured calendar and has it re-read (in the background, through <see cref="CalendarFetcher"/>) when it is older
/// than <see cref="FreshFor"/>. Adding a calendar provider means adding one implementation and registering it as a
/// singleton <see cref="IBusySource"/>. Implementations are thread-safe.
/// </summary>
public interface IBusySource
{
    /// <summary>The provider it reads, as in <see cref="CalendarSpec.Provider"/> (<c>ics</c>, <c>caldav</c>, <c>google</c>, <c>microsoft</c>).</summary>
    string Provider { get; }

    /// <summary>How long fetched data stays fresh.</summary>
    TimeSpan FreshFor { get; }

    /// <summary>
    /// Whether its reads are the calendar's events (<see cref="BusyFetch.FromEvents"/>) and its provider pushes no
    /// changes (<c>ics</c>, CalDAV): a booked participant re-reads such calendars every watch period to find conflicts.
    /// </summary>
    bool PolledForConflicts { get; }

    /// <summary>Fetches busy intervals overlapping <see cref="BusySourceContext.Range"/>.</summary>
    /// <param name="context">The participant, the calendar and the range.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The intervals (unbuffered) and when they were fetched.</returns>
    /// <exception cref="Calendars.CalendarSourceException">The calendar could not be read; the message says why, without secrets.</exception>
    Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken);
}
