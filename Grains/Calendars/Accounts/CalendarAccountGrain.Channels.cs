using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>Push channels: verified notifications, incremental sync with the readers told what changed, and channel renewal.</summary>
public sealed partial class CalendarAccountGrain
{
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
        await TellReadersAsync(calendarId, []);
        await GrainFactory.GetGrain<ICalendarAccountGrain>(this.GetPrimaryKeyString()).SyncCalendar(calendarId);
    }

    /// <summary><see cref="CalendarNotificationKind.ChannelEnded"/>: a new channel replaces the old one, which is then stopped.</summary>
    private async Task ReplaceChannelAsync(CalendarChannelState old)
    {
        try
        {
            await RenewChannelAsync(Provider, old);
        }
        catch (CalendarProviderException exception)
        {
            AccountLog.WatchFailed(_log, this.GetPrimaryKeyString(), old.CalendarId, exception.Message);
            return;
        }

        await ScheduleRenewalAsync();
    }

    /// <summary>Opens a new channel on the calendar of <paramref name="old"/> and stores it in its place, then stops the old one.</summary>
    private async Task RenewChannelAsync(CalendarProvider provider, CalendarChannelState old)
    {
        var replacement = await OpenChannelAsync(provider, old.CalendarId);
        S.Channels[S.Channels.IndexOf(old)] = replacement;
        await PersistAsync();
        AccountLog.ChannelRenewed(_log, this.GetPrimaryKeyString(), old.CalendarId, replacement.ExpiresAt);
        await StopChannelQuietlyAsync(provider, old);
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
        var busy = changes.Where(c => c.Busy is not null && !ours.Contains(c.EventId) && !MessageIds.IsOwnUid(c.Uid)).Select(c => c.Busy!).ToArray();
        await TellReadersAsync(calendarId, busy);
        AccountLog.Synced(_log, this.GetPrimaryKeyString(), calendarId, changes.Count);
    }

    private CalendarChange ChangeOf(IReadOnlyList<string> calendarIds) => new(this.GetPrimaryKeyString(), _providerName, _accountId, calendarIds);

    /// <summary>Tells the readers of a calendar that it changed, with the busy time of the added or moved events.</summary>
    private async Task TellReadersAsync(string calendarId, IReadOnlyList<TimeRange> busy)
    {
        var change = ChangeOf([calendarId]) with { Busy = busy };
        foreach (var (reader, _) in S.Readers.Where(r => r.Value.Contains(calendarId)))
        {
            await GrainFactory.GetGrain<ICalendarReaderGrain>(reader).CalendarChanged(change);
        }
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
            await WithTokenAsync(access => provider.StopAsync(access, channel.ChannelId, channel.ResourceId, CancellationToken.None));
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
            await this.StopReminderAsync(RenewalReminder);
            return;
        }

        var due = S.Channels.Min(c => c.ExpiresAt) - Provider.RenewBefore - _time.GetUtcNow();
        await this.RegisterOneShotReminder(RenewalReminder, due);
    }
}
