using Scheduler.Runtime;
using Scheduler.Runtime.Concurrency;

namespace Scheduler.Grains;

/// <summary>
/// The side of a participant grain (same key <c>{tenant}/{participantId}</c>) that calendar
/// accounts talk to. One-way only: accounts never wait on participants, and participants never
/// call request grains synchronously, so there are no call cycles.
/// </summary>
public interface ICalendarReaderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Calendars this participant reads changed: it drops its cached busy data of that account,
    /// reads it again, and sends <see cref="IInterviewRequestGrain.NotifyConflict"/> (one-way) to
    /// each booked request whose interval now overlaps calendar busy time. One-way.
    /// </summary>
    /// <param name="change">The account and calendars that changed.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    Task CalendarChanged(CalendarChange change);
}
