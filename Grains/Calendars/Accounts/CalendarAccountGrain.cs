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
public sealed partial class CalendarAccountGrain : Grain, ICalendarAccountGrain, IRemindable
{
    /// <summary>The name of the channel renewal reminder.</summary>
    public const string RenewalReminder = "channel-renewal";

    /// <summary>The name of the reminder that retries event writes the provider has not accepted yet.</summary>
    public const string EventWritesReminder = "event-writes";

    /// <summary>How long after a failed event write it is tried again (by <see cref="EventWritesReminder"/>), and that reminder's period.</summary>
    public static readonly TimeSpan EventWriteRetry = TimeSpan.FromMinutes(1);

    /// <summary>Event writes are retried <see cref="EventWriteRetry"/> after a failure, doubling up to 30 min, and never given up: the latest write of an interview replaces an unsent one.</summary>
    public static readonly RetryPolicy EventWritePolicy = new(EventWriteRetry, TimeSpan.FromMinutes(30), RetryPolicy.Unlimited);

    /// <summary>A meeting link is sent to its request again 1 min after a send that was not acknowledged, doubling up to 30 min, 10 sends at most.</summary>
    public static readonly RetryPolicy LinkReportPolicy = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), 10);

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
    public Task<bool> IsConnected() => Task.FromResult(S.ProtectedCredentials is not null);

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

        // Watch first (or, without push, start polling), then take the baseline sync token, then read free/busy: an
        // event created after the channel opened is pushed (or polled) and found by the next incremental sync; one
        // created before is in the free/busy answer. Nothing falls between.
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
        else
        {
            await StartPollingAsync(provider, ids);
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
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == PollReminder)
        {
            await PollAsync();
            return;
        }

        if (await _eventWrites.ReceiveReminderAsync(reminderName) || reminderName != RenewalReminder)
        {
            return;
        }

        if (S.ProtectedCredentials is null)
        {
            await this.StopReminderAsync(RenewalReminder);
            return;
        }

        var provider = Provider;
        var now = _time.GetUtcNow();
        foreach (var old in S.Channels.Where(c => c.ExpiresAt - provider.RenewBefore <= now).ToArray())
        {
            await RenewChannelAsync(provider, old);
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

        await this.StopReminderAsync(RenewalReminder);
        await this.StopReminderAsync(PollReminder);
        _pollRegistered = false;
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
            await GrainFactory.GetGrain<ICalendarReaderGrain>(reader).CalendarChanged(ChangeOf(ids));
        }
    }

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

    private Task WithTokenAsync(Func<string, Task> call) => WithTokenAsync(async token =>
    {
        await call(token);
        return true;
    });

    private async Task<CalendarCredentials> RefreshAsync(CalendarCredentials credentials)
    {
        var refreshed = await Provider.RefreshAsync(credentials, CancellationToken.None);
        Store(refreshed);
        await PersistAsync();
        AccountLog.Refreshed(_log, this.GetPrimaryKeyString(), refreshed.ExpiresAt);
        return refreshed;
    }

    private Task PersistAsync() => this.WriteOrDeactivateAsync(() => _state.WriteStateAsync());
}
