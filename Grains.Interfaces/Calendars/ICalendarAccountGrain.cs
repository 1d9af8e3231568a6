using Orleans.Concurrency;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// A connected calendar account, key <c>{tenant}/{provider}/{accountId}</c> (see
/// <see cref="CalendarAccountKeys"/>). It owns the credentials (encrypted at rest), the sync
/// tokens, the push channels and their renewal reminder, and the set of participants that read
/// it; it fetches free/busy and writes events. Provider-neutral: the provider's connector does
/// the HTTP work.
/// </summary>
[Alias("Scheduler.Grains.ICalendarAccountGrain")]
public interface ICalendarAccountGrain : IGrainWithStringKey
{
    /// <summary>Stores (replaces) the account's credentials, e.g. after an OAuth consent.</summary>
    /// <param name="credentials">The tokens.</param>
    /// <returns>The account view.</returns>
    /// <exception cref="ArgumentException">The access token is empty.</exception>
    /// <exception cref="InvalidOperationException">The key's provider has no registered connector.</exception>
    [Alias("Connect")]
    Task<CalendarAccountView> Connect(CalendarCredentials credentials);

    /// <summary>Returns the account view (no secrets).</summary>
    /// <returns>The view; <see cref="CalendarAccountView.Connected"/> is <see langword="false"/> before <see cref="Connect"/>.</returns>
    [Alias("GetView")]
    Task<CalendarAccountView> GetView();

    /// <summary>
    /// Whether credentials are stored. Interleaved (it only reads), so a request choosing a meeting host is answered even
    /// while a slow provider call holds the account's turn.
    /// </summary>
    /// <returns><see langword="true"/> once connected, until disconnected.</returns>
    [AlwaysInterleave]
    [Alias("IsConnected")]
    Task<bool> IsConnected();

    /// <summary>
    /// Reads free/busy of calendars over a range, refreshing the access token when needed;
    /// remembers the reader, and opens a push channel on each calendar not yet watched (when the
    /// provider's webhook address is configured).
    /// </summary>
    /// <param name="query">The reader, calendars and range.</param>
    /// <returns>The busy intervals and per-calendar errors.</returns>
    /// <exception cref="InvalidOperationException">The account is not connected.</exception>
    /// <remarks>When the provider refuses or cannot be reached after retries, the grain throws the calendar source error of the silo (its message names the account and the cause).</remarks>
    [Alias("GetFreeBusy")]
    Task<AccountFreeBusy> GetFreeBusy(AccountFreeBusyQuery query);

    /// <summary>Forgets a reader (e.g. the participant removed the calendar). Idempotent.</summary>
    /// <param name="readerKey">The participant grain key.</param>
    /// <returns>A task that completes when stored.</returns>
    [Alias("RemoveReader")]
    Task RemoveReader(string readerKey);

    /// <summary>
    /// Checks a push notification against the live channels (channel id, secret token compared
    /// in constant time, resource id). An accepted <c>exists</c> notification starts an incremental
    /// sync after this call returns; the readers of the changed calendar are then told (one-way).
    /// A rejected one changes nothing.
    /// </summary>
    /// <param name="notification">The notification's headers.</param>
    /// <returns>The verdict.</returns>
    [Alias("ReceivePush")]
    Task<PushVerdict> ReceivePush(PushNotification notification);

    /// <summary>Runs the incremental sync of one calendar (full sync when its token expired) and tells its readers when events changed. One-way; the account calls it on itself.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("SyncCalendar")]
    Task SyncCalendar(string calendarId);

    /// <summary>
    /// Mirrors a participant's booking into the calendar (create, move or delete its events). The
    /// write is stored before it is sent and retried by a reminder until the provider accepts it;
    /// the latest write of a request and participant replaces an unsent earlier one. One-way.
    /// </summary>
    /// <param name="write">The booking, or an empty interval list to delete.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("WriteInterviewEvent")]
    Task WriteInterviewEvent(InterviewEventWrite write);

    /// <summary>
    /// The request has stored (or has no use for) the meeting link this account reported for one of its stages
    /// (<see cref="Requests.ConferenceLink.ReportedBy"/>): the account stops sending it. Idempotent; one-way, since the
    /// request may be waiting on a participant that is waiting on this account.
    /// </summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="stageStart">The start (UTC) of the stage the link is for.</param>
    /// <param name="url">The link acknowledged; a report of another link for the same stage (a newer meeting) is kept.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("ConferenceLinkRecorded")]
    Task ConferenceLinkRecorded(string requestKey, DateTimeOffset stageStart, string url);

    /// <summary>Stops every push channel at the provider, removes the renewal reminder, deletes the credentials, sync tokens and readers, and tells the readers (one-way) to drop what they cached. Idempotent.</summary>
    /// <returns>A task that completes when stored.</returns>
    [Alias("Disconnect")]
    Task Disconnect();
}
