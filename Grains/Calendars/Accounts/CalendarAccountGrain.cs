using Microsoft.Extensions.Logging;
using Scheduler.Grains.Calendars.Providers;
using Scheduler.Grains.Common;
using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// A connected calendar account (see <see cref="ICalendarAccountGrain"/>), provider-neutral: the
/// <see cref="CalendarProvider"/> named by the key's provider does the HTTP work. Credentials and
/// channel tokens are stored encrypted (<see cref="CalendarCredentialProtector"/>). The access token
/// is refreshed a minute before it expires, and once more when the provider answers 401. One durable
/// one-shot reminder, due <see cref="CalendarProvider.RenewBefore"/> before the earliest channel
/// expiry, replaces expiring channels (new channel first, then the old one is stopped). Interview
/// event writes wait in the state until the provider accepts them, retried through the shared
/// <see cref="Retrier"/> (<see cref="EventWritePolicy"/>) while the account is connected.
/// </summary>
[GrainType("calendar-account")]
public sealed class CalendarAccountGrain : Grain, ICalendarAccountGrain, IRemindable
{
    /// <summary>The name of the channel renewal reminder.</summary>
    public const string RenewalReminder = "channel-renewal";

    /// <summary>The name of the reminder that retries event writes the provider has not accepted yet.</summary>
    public const string EventWritesReminder = "event-writes";

    /// <summary>How long after a failed event write it is tried again (by <see cref="EventWritesReminder"/>), and that reminder's period.</summary>
    public static readonly TimeSpan EventWriteRetry = TimeSpan.FromMinutes(1);

    /// <summary>Event writes are retried <see cref="EventWriteRetry"/> after a failure, doubling up to 30 min, and never given up: the latest write of an interview replaces an unsent one.</summary>
    public static readonly RetryPolicy EventWritePolicy = new(EventWriteRetry, TimeSpan.FromMinutes(30), RetryPolicy.Unlimited);

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly IPersistentState<CalendarAccountState> _state;
    private readonly IEnumerable<CalendarProvider> _providers;
    private readonly CalendarCredentialProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger<CalendarAccountGrain> _log;
    private readonly Retrier _retrier;
    private readonly RetryDriver _eventWrites;
    private string _providerName = string.Empty;
    private string _accountId = string.Empty;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="providers">The registered calendar providers.</param>
    /// <param name="protector">Encrypts secrets for storage.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    public CalendarAccountGrain(
        [PersistentState("calendarAccount")] IPersistentState<CalendarAccountState> state,
        IEnumerable<CalendarProvider> providers,
        CalendarCredentialProtector protector,
        TimeProvider time,
        ILogger<CalendarAccountGrain> log)
    {
        _state = state;
        _providers = providers;
        _protector = protector;
        _time = time;
        _log = log;
        _retrier = new Retrier(EventWritePolicy, time);
        _eventWrites = new RetryDriver(this, EventWritesReminder, EventWriteRetry, time, NextEventWrite, _ => FlushEventWritesAsync());
    }

    private CalendarAccountState S => _state.State;

    private CalendarProvider Provider =>
        _providers.FirstOrDefault(c => c.Provider == _providerName)
        ?? throw new InvalidOperationException($"No calendar provider is registered for '{_providerName}'.");

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_, _providerName, _accountId) = CalendarAccountKeys.Split(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CalendarAccountView> Connect(CalendarCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.AccessToken, "accessToken");
        _ = Provider;
        Store(credentials);
        await PersistAsync();
        AccountLog.Connected(_log, this.GetPrimaryKeyString(), credentials.ExpiresAt);
        await _eventWrites.WakeAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<CalendarAccountView> GetView() => Task.FromResult(View());

    /// <inheritdoc />
    public async Task<AccountFreeBusy> GetFreeBusy(AccountFreeBusyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var provider = Provider;
        var ids = CalendarIds(query.CalendarIds, provider);
        if (S.ProtectedCredentials is null)
        {
            throw new InvalidOperationException($"Calendar account '{this.GetPrimaryKeyString()}' is not connected.");
        }

        var dirty = false;
        if (!S.Readers.TryGetValue(query.ReaderKey, out var known) || !known.SequenceEqual(ids))
        {
            S.Readers[query.ReaderKey] = [.. ids];
            dirty = true;
        }

        // Watch first, then take the baseline sync token, then read free/busy: an event created after
        // the channel opened is pushed and found by the next incremental sync; one created before
        // is in the free/busy answer. Nothing falls between.
        var opened = false;
        if (provider.CanWatch)
        {
            foreach (var id in ids.Where(id => S.Channels.All(c => c.CalendarId != id)))
            {
                try
                {
                    S.Channels.Add(await OpenChannelAsync(provider, id));
                    opened = dirty = true;
                    if (!S.SyncTokens.ContainsKey(id))
                    {
                        await SyncAsync(id);
                    }
                }
                catch (CalendarProviderException exception)
                {
                    AccountLog.WatchFailed(_log, this.GetPrimaryKeyString(), id, exception.Message);
                }
            }
        }

        if (dirty)
        {
            await PersistAsync();
        }

        if (opened)
        {
            await ScheduleRenewalAsync();
        }

        var (busy, errors) = await WithTokenAsync(token => provider.FreeBusyAsync(token, ids, query.Range, CancellationToken.None));
        var fetchedAt = _time.GetUtcNow();
        var intervals = busy.Values.SelectMany(b => b).OrderBy(b => b.Start).ThenBy(b => b.End).ToArray();
        return new AccountFreeBusy(intervals, errors, fetchedAt);
    }

    /// <inheritdoc />
    public async Task RemoveReader(string readerKey)
    {
        if (S.Readers.Remove(readerKey))
        {
            await PersistAsync();
        }
    }

    /// <inheritdoc />
    public async Task<PushVerdict> ReceivePush(PushNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channel = S.Channels.FirstOrDefault(c => c.ChannelId == notification.ChannelId);
        if (channel is null)
        {
            AccountLog.PushRefused(_log, this.GetPrimaryKeyString(), PushVerdict.UnknownChannel);
            return PushVerdict.UnknownChannel;
        }

        var tokenMatches = ChannelTokens.Matches(_protector.UnprotectSecret(channel.ProtectedToken), notification.Token ?? string.Empty);
        if (!tokenMatches || channel.ResourceId != notification.ResourceId)
        {
            AccountLog.PushRefused(_log, this.GetPrimaryKeyString(), PushVerdict.Forged);
            return PushVerdict.Forged;
        }

        switch (notification.Kind)
        {
            case CalendarNotificationKind.Changed:
                await GrainFactory.GetGrain<ICalendarAccountGrain>(this.GetPrimaryKeyString()).SyncCalendar(channel.CalendarId);
                break;
            case CalendarNotificationKind.Missed:
                await ResyncAfterMissedAsync(channel.CalendarId);
                break;
            case CalendarNotificationKind.ChannelEnded:
                await ReplaceChannelAsync(channel);
                break;
        }

        return PushVerdict.Accepted;
    }

    /// <summary><see cref="CalendarNotificationKind.Missed"/>: notifications may have been lost, so readers refresh and the calendar syncs in full.</summary>
    private async Task ResyncAfterMissedAsync(string calendarId)
    {
        S.SyncTokens.Remove(calendarId);
        S.FullSyncs++;
        await PersistAsync();
        var change = new CalendarChange(this.GetPrimaryKeyString(), _providerName, _accountId, [calendarId]);
        foreach (var (reader, _) in S.Readers.Where(r => r.Value.Contains(calendarId)))
        {
            await GrainFactory.GetGrain<ICalendarReaderGrain>(reader).CalendarChanged(change);
        }

        await GrainFactory.GetGrain<ICalendarAccountGrain>(this.GetPrimaryKeyString()).SyncCalendar(calendarId);
    }

    /// <summary><see cref="CalendarNotificationKind.ChannelEnded"/>: a new channel replaces the old one, which is then stopped.</summary>
    private async Task ReplaceChannelAsync(CalendarChannelState old)
    {
        var provider = Provider;
        try
        {
            var replacement = await OpenChannelAsync(provider, old.CalendarId);
            S.Channels[S.Channels.IndexOf(old)] = replacement;
            await PersistAsync();
            AccountLog.ChannelRenewed(_log, this.GetPrimaryKeyString(), old.CalendarId, replacement.ExpiresAt);
        }
        catch (CalendarProviderException exception)
        {
            AccountLog.WatchFailed(_log, this.GetPrimaryKeyString(), old.CalendarId, exception.Message);
            return;
        }

        await StopChannelQuietlyAsync(provider, old);
        await ScheduleRenewalAsync();
    }

    /// <inheritdoc />
    public Task SyncCalendar(string calendarId) => S.ProtectedCredentials is null ? Task.CompletedTask : SyncAsync(calendarId);

    /// <summary>
    /// Syncs one calendar: incrementally from its token (full after 410, or the first time, which
    /// only takes the baseline token), then tells its readers what changed.
    /// </summary>
    private async Task SyncAsync(string calendarId)
    {

        var provider = Provider;
        S.SyncTokens.TryGetValue(calendarId, out var previous);
        IReadOnlyList<CalendarEventChange> changes;
        string next;
        var notify = previous is not null;
        var resynced = false;
        try
        {
            try
            {
                (changes, next) = await WithTokenAsync(token => provider.SyncAsync(token, calendarId, previous, CancellationToken.None));
            }
            catch (CalendarProviderException expired) when (expired.SyncTokenExpired)
            {
                // 410: the token is gone; list everything again, and tell the readers since what changed is unknown.
                S.FullSyncs++;
                (changes, next) = await WithTokenAsync(token => provider.SyncAsync(token, calendarId, null, CancellationToken.None));
                notify = resynced = true;
            }
        }
        catch (CalendarProviderException exception)
        {
            AccountLog.SyncFailed(_log, this.GetPrimaryKeyString(), calendarId, exception.Message);
            return;
        }

        S.SyncTokens[calendarId] = next;
        await PersistAsync();
        if (!notify || (changes.Count == 0 && !resynced))
        {
            return;
        }

        var ours = S.WrittenEvents.Values.SelectMany(w => w.EventIds).ToHashSet(StringComparer.Ordinal);
        var busy = changes.Where(c => c.Busy is not null && !ours.Contains(c.EventId)).Select(c => c.Busy!).ToArray();
        var change = new CalendarChange(this.GetPrimaryKeyString(), _providerName, _accountId, [calendarId]) { Busy = busy };
        foreach (var (reader, ids) in S.Readers.Where(r => r.Value.Contains(calendarId)))
        {
            await GrainFactory.GetGrain<ICalendarReaderGrain>(reader).CalendarChanged(change);
        }

        AccountLog.Synced(_log, this.GetPrimaryKeyString(), calendarId, changes.Count);
    }

    /// <inheritdoc />
    public async Task WriteInterviewEvent(InterviewEventWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_providers.Any(c => c.Provider == _providerName))
        {
            AccountLog.EventWriteFailed(_log, this.GetPrimaryKeyString(), write.RequestKey, $"no calendar provider '{_providerName}'");
            return;
        }

        S.UnsentEventWrites[WriteKey(write.RequestKey, write.ParticipantKey)] = new RetryItem<InterviewEventWrite> { Value = write };
        await PersistAsync();

        // The retry reminder exists before the first attempt, so a crash mid-write is resumed too.
        await _eventWrites.WakeAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await _eventWrites.ReceiveReminderAsync(reminderName) || reminderName != RenewalReminder)
        {
            return;
        }

        if (S.ProtectedCredentials is null)
        {
            await StopReminderAsync();
            return;
        }

        var provider = Provider;
        var now = _time.GetUtcNow();
        foreach (var old in S.Channels.Where(c => c.ExpiresAt - provider.RenewBefore <= now).ToArray())
        {
            var replacement = await OpenChannelAsync(provider, old.CalendarId);
            S.Channels[S.Channels.IndexOf(old)] = replacement;
            await PersistAsync();
            AccountLog.ChannelRenewed(_log, this.GetPrimaryKeyString(), old.CalendarId, replacement.ExpiresAt);
            await StopChannelQuietlyAsync(provider, old);
        }

        await ScheduleRenewalAsync();
    }

    /// <inheritdoc />
    public async Task Disconnect()
    {
        if (S.ProtectedCredentials is not null)
        {
            var provider = Provider;
            foreach (var channel in S.Channels)
            {
                await StopChannelQuietlyAsync(provider, channel);
            }
        }

        await StopReminderAsync();
        var readers = S.Readers.ToArray();
        S.ProtectedCredentials = null;
        S.AccessTokenExpiresAt = null;
        S.Channels.Clear();
        S.SyncTokens.Clear();
        S.Readers.Clear();
        await PersistAsync();

        // Readers drop what they cached from this account; their next read finds it disconnected and reports stale data.
        foreach (var (reader, ids) in readers)
        {
            await GrainFactory.GetGrain<ICalendarReaderGrain>(reader).CalendarChanged(new CalendarChange(this.GetPrimaryKeyString(), _providerName, _accountId, ids));
        }
    }

    private static string WriteKey(string requestKey, string participantKey) => string.Concat(requestKey, "\n", participantKey);

    /// <summary>When the unsent event writes next need a run; while the account is not connected, never (they are kept, and <see cref="Connect"/> wakes them).</summary>
    private DateTimeOffset? NextEventWrite() => S.ProtectedCredentials is null ? null : Retrier.NextWakeUp(S.UnsentEventWrites.Values);

    /// <summary>Sends the due event writes in order; each one is removed once the provider accepted it, the rest wait for their next attempt.</summary>
    private async Task FlushEventWritesAsync()
    {
        if (S.ProtectedCredentials is null)
        {
            return;
        }

        var provider = Provider;
        foreach (var item in _retrier.Due(S.UnsentEventWrites.Values))
        {
            var write = item.Value;
            var key = WriteKey(write.RequestKey, write.ParticipantKey);
            var failure = await _retrier.AttemptAsync(item.Retry, PersistAsync, () => WriteEventsAsync(provider, key, write), exception => exception is CalendarProviderException ? false : null);
            if (failure is null)
            {
                S.UnsentEventWrites.Remove(key);
                AccountLog.EventsWritten(_log, this.GetPrimaryKeyString(), write.RequestKey, write.Intervals.Count);
            }
            else
            {
                AccountLog.EventWriteFailed(_log, this.GetPrimaryKeyString(), write.RequestKey, failure.Message);
            }

            await PersistAsync();
        }
    }

    /// <summary>Upserts one event per interval and deletes the events of <paramref name="key"/> no longer wanted.</summary>
    /// <exception cref="CalendarProviderException">The provider refused or could not be reached.</exception>
    private async Task WriteEventsAsync(CalendarProvider provider, string key, InterviewEventWrite write)
    {
        var calendarId = string.IsNullOrEmpty(write.CalendarId) ? provider.PrimaryCalendarId : write.CalendarId;
        var wanted = write.Intervals.Select((interval, i) => (Id: provider.EventId(write.RequestKey, write.ParticipantKey, i), Interval: interval)).ToArray();
        var stored = new List<string>(wanted.Length);
        foreach (var (id, interval) in wanted)
        {
            stored.Add(await WithTokenAsync(token => provider.UpsertEventAsync(token, calendarId, id, write.Summary, interval, write.Conferencing, CancellationToken.None)));
        }

        // Events written before and no longer wanted (fewer intervals, or another calendar) are deleted.
        if (S.WrittenEvents.TryGetValue(key, out var written))
        {
            var keep = written.CalendarId == calendarId ? stored.ToHashSet(StringComparer.Ordinal) : [];
            foreach (var id in written.EventIds.Where(id => !keep.Contains(id)))
            {
                await WithTokenAsync(async token =>
                {
                    await provider.DeleteEventAsync(token, written.CalendarId, id, CancellationToken.None);
                    return true;
                });
            }
        }

        if (wanted.Length == 0)
        {
            S.WrittenEvents.Remove(key);
        }
        else
        {
            S.WrittenEvents[key] = new WrittenEvents(calendarId, stored);
        }
    }

    private static List<string> CalendarIds(IReadOnlyList<string> asked, CalendarProvider provider) =>
        asked.Count == 0 ? [provider.PrimaryCalendarId] : [.. asked.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private CalendarAccountView View() => new(
        _providerName,
        S.ProtectedCredentials is not null,
        S.AccessTokenExpiresAt,
        [.. S.Channels.Select(c => new CalendarChannelView(c.CalendarId, c.ChannelId, c.ResourceId, c.ExpiresAt))],
        [.. S.Readers.Keys.Order(StringComparer.Ordinal)])
    {
        SyncedCalendars = [.. S.SyncTokens.Keys.Order(StringComparer.Ordinal)],
        FullSyncs = S.FullSyncs,
    };

    private void Store(CalendarCredentials credentials)
    {
        S.ProtectedCredentials = _protector.Protect(credentials);
        S.AccessTokenExpiresAt = credentials.ExpiresAt;
    }

    private async Task<CalendarChannelState> OpenChannelAsync(CalendarProvider provider, string calendarId)
    {
        var channelId = ChannelTokens.NewChannelId();
        var token = ChannelTokens.NewToken(this.GetPrimaryKeyString());
        var (resourceId, expiresAt) = await WithTokenAsync(access => provider.WatchAsync(access, calendarId, channelId, token, CancellationToken.None));
        return new CalendarChannelState(calendarId, channelId, resourceId, expiresAt, _protector.ProtectSecret(token));
    }

    private async Task StopChannelQuietlyAsync(CalendarProvider provider, CalendarChannelState channel)
    {
        try
        {
            await WithTokenAsync(async access =>
            {
                await provider.StopAsync(access, channel.ChannelId, channel.ResourceId, CancellationToken.None);
                return true;
            });
        }
        catch (CalendarProviderException exception)
        {
            AccountLog.StopFailed(_log, this.GetPrimaryKeyString(), channel.ChannelId, exception.Message);
        }
    }

    private async Task ScheduleRenewalAsync()
    {
        if (S.Channels.Count == 0)
        {
            await StopReminderAsync();
            return;
        }

        var due = S.Channels.Min(c => c.ExpiresAt) - Provider.RenewBefore - _time.GetUtcNow();
        await this.RegisterOrUpdateReminder(RenewalReminder, OneShotReminder.DueIn(due), OneShotReminder.RetryPeriod);
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(RenewalReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Runs a provider call with a valid access token: refreshed ahead of expiry, and once more after a 401.</summary>
    private async Task<T> WithTokenAsync<T>(Func<string, Task<T>> call)
    {
        var credentials = S.ProtectedCredentials is { } payload
            ? _protector.Unprotect(payload)
            : throw new InvalidOperationException($"Calendar account '{this.GetPrimaryKeyString()}' is not connected.");
        if (credentials.ExpiresAt - RefreshMargin <= _time.GetUtcNow())
        {
            credentials = await RefreshAsync(credentials);
        }

        try
        {
            return await call(credentials.AccessToken);
        }
        catch (CalendarProviderException exception) when (exception.Unauthorized)
        {
            credentials = await RefreshAsync(credentials);
            return await call(credentials.AccessToken);
        }
    }

    private async Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials)
    {
        var refreshed = await Provider.RefreshAsync(credentials, CancellationToken.None);
        Store(refreshed);
        await PersistAsync();
        AccountLog.Refreshed(_log, this.GetPrimaryKeyString(), refreshed.ExpiresAt);
        return refreshed;
    }

    private async Task PersistAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
