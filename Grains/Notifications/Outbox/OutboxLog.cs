namespace Scheduler.Grains.Notifications.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Outbox {Outbox}: sent {Key} (attempt {Attempt})")]
    public static partial void Sent(this ILogger logger, string outbox, string key, int attempt);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Outbox {Outbox}: {Key} failed (attempt {Attempt}), next try at {NextAttempt}")]
    public static partial void WillRetry(this ILogger logger, Exception exception, string outbox, string key, int attempt, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Outbox {Outbox}: {Key} given up after {Attempt} attempts")]
    public static partial void GaveUp(this ILogger logger, Exception exception, string outbox, string key, int attempt);
}
