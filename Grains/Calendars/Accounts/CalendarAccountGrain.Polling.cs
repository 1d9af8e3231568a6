namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// Changes of an account whose provider cannot push them (no <c>WebhookUrl</c>): the first free/busy read of a calendar
/// takes its baseline sync token, and a durable reminder, <see cref="PollReminder"/>, syncs every read calendar
/// incrementally every <see cref="CalendarProvider.BusyFreshFor"/>. What changed reaches the readers as a push would
/// (<see cref="ICalendarReaderGrain.CalendarChanged"/>, the account's own interview events left out), so an event added
/// over a booked interview is found without push notifications too.
/// </summary>
public sealed partial class CalendarAccountGrain
{
    /// <summary>The name of the reminder that syncs the read calendars of an account without push.</summary>
    public const string PollReminder = "calendar-poll";

    private static readonly TimeSpan MinPollPeriod = TimeSpan.FromMinutes(1);

    private bool _pollRegistered;

    /// <summary>Takes the baseline sync token of each calendar that has none, and makes sure the poll reminder runs.</summary>
    private async Task StartPollingAsync(CalendarProvider provider, IReadOnlyList<string> calendarIds)
    {
        foreach (var id in calendarIds.Where(id => !S.SyncTokens.ContainsKey(id)))
        {
            await SyncAsync(id);
        }

        if (_pollRegistered)
        {
            return;
        }

        // Best effort: a reminder store that fails must not fail the free/busy read; the next read tries again.
        try
        {
            var period = provider.BusyFreshFor > MinPollPeriod ? provider.BusyFreshFor : MinPollPeriod;
            await this.RegisterOrUpdateReminder(PollReminder, period, period);
            _pollRegistered = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AccountLog.PollNotRegistered(_log, exception, this.GetPrimaryKeyString());
        }
    }

    /// <summary>A tick of <see cref="PollReminder"/>: syncs every calendar a reader reads; stops once the account is disconnected, can push, or has no readers.</summary>
    private async Task PollAsync()
    {
        var calendarIds = S.Readers.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToList();
        if (S.ProtectedCredentials is null || Provider.CanWatch || calendarIds.Count == 0)
        {
            await this.StopReminderAsync(PollReminder);
            _pollRegistered = false;
            return;
        }

        _pollRegistered = true;
        foreach (var id in calendarIds)
        {
            await SyncAsync(id);
        }
    }
}
