using Orleans.Concurrency;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// Writes a participant's booked interviews into its CalDAV calendars, key <c>{tenant}/{participantId}</c>
/// (the participant's key). A write is stored before it is attempted and retried from a durable reminder
/// until every CalDAV calendar of the participant shows it; events are created with a UID derived from
/// the request, so a retry or a crash never creates a second one (conditional PUT, RFC 4791 §5.3.2 and
/// RFC 7232). The credentials stay with the participant: the writer asks for them
/// (<see cref="ICalendarReaderGrain.GetCalDavCalendars"/>) when it writes.
/// </summary>
[Alias("Scheduler.Grains.ICalDavWriterGrain")]
public interface ICalDavWriterGrain : IGrainWithStringKey
{
    /// <summary>Replaces what the calendars show for one request (a newer write for the same request supersedes an older pending one). One-way.</summary>
    /// <param name="write">The request's intervals, or none to delete its events.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("Write")]
    Task Write(CalDavEventWrite write);

    /// <summary>How many requests still wait to be written (0 once every calendar shows the latest write).</summary>
    /// <returns>The count.</returns>
    [Alias("PendingCount")]
    Task<int> PendingCount();
}
