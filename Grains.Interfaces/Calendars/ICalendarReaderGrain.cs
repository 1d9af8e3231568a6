using Orleans.Concurrency;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// The side of a participant grain (same key <c>{tenant}/{participantId}</c>) that calendar
/// accounts talk to. One-way only: accounts never wait on participants, and participants never
/// call request grains synchronously, so there are no call cycles.
/// </summary>
[Alias("Scheduler.Grains.ICalendarReaderGrain")]
public interface ICalendarReaderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Calendars this participant reads changed: it drops its cached busy data of that provider (the
    /// next read fetches it again), and sends <see cref="IInterviewRequestGrain.NotifyConflict"/>
    /// (one-way, once per request and interval) to each upcoming booked request whose interval
    /// overlaps <see cref="CalendarChange.Busy"/>. One-way.
    /// </summary>
    /// <param name="change">The account and calendars that changed.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("CalendarChanged")]
    Task CalendarChanged(CalendarChange change);

    /// <summary>
    /// The participant's CalDAV calendars with their credentials, for its <see cref="ICalDavWriterGrain"/>.
    /// Cluster-internal: the gateway never exposes it, and profiles read through the API never carry passwords.
    /// </summary>
    /// <returns>The <c>caldav</c> entries (URL, user name, password).</returns>
    [Alias("GetCalDavCalendars")]
    Task<IReadOnlyList<CalendarSpec>> GetCalDavCalendars();
}
