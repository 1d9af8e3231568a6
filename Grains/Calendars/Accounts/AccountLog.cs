namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>Log messages of calendar accounts. Tokens and secrets are never logged.</summary>
internal static partial class AccountLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Calendar account {Account} connected; access token valid until {ExpiresAt}")]
    public static partial void Connected(ILogger logger, string account, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Calendar account {Account} refreshed its access token; valid until {ExpiresAt}")]
    public static partial void Refreshed(ILogger logger, string account, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Calendar account {Account} refused a push notification: {Verdict}")]
    public static partial void PushRefused(ILogger logger, string account, PushVerdict verdict);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Calendar account {Account} could not watch calendar {Calendar}: {Reason}")]
    public static partial void WatchFailed(ILogger logger, string account, string calendar, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Calendar account {Account} could not sync calendar {Calendar}: {Reason}")]
    public static partial void SyncFailed(ILogger logger, string account, string calendar, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Debug, Message = "Calendar account {Account} synced calendar {Calendar}: {Changed} changed events; readers told")]
    public static partial void Synced(ILogger logger, string account, string calendar, int changed);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Information, Message = "Calendar account {Account} renewed the channel of calendar {Calendar}; new expiry {ExpiresAt}")]
    public static partial void ChannelRenewed(ILogger logger, string account, string calendar, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning, Message = "Calendar account {Account} could not stop channel {Channel}: {Reason}")]
    public static partial void StopFailed(ILogger logger, string account, string channel, string reason);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Debug, Message = "Calendar account {Account} wrote {Count} events of request {Request}")]
    public static partial void EventsWritten(ILogger logger, string account, string request, int count);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "Calendar account {Account} could not register its poll reminder; the next read tries again")]
    public static partial void PollNotRegistered(ILogger logger, Exception exception, string account);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "Calendar account {Account} could not write the events of request {Request}; retrying later: {Reason}")]
    public static partial void EventWriteFailed(ILogger logger, string account, string request, string reason);
}
