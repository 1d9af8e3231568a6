namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// A place a participant's busy time is read from. The participant grain keeps a cache entry per
/// source (explicit blocks, and one per configured calendar) and refreshes it when it is older
/// than <see cref="FreshFor"/>. Adding a calendar provider means adding one implementation and
/// registering it as a singleton <see cref="IBusySource"/>.
/// </summary>
public interface IBusySource
{
    /// <summary>The provider it reads: <c>blocks</c>, or a <see cref="CalendarSpec.Provider"/> (<c>ics</c>, <c>caldav</c>, <c>google</c>, <c>microsoft</c>).</summary>
    string Provider { get; }

    /// <summary>How long fetched data stays fresh.</summary>
    TimeSpan FreshFor { get; }

    /// <summary>Fetches busy intervals overlapping <see cref="BusySourceContext.Range"/>.</summary>
    /// <param name="context">The participant, the calendar (none for blocks) and the range.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The intervals (unbuffered) and when they were fetched.</returns>
    Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken);
}
