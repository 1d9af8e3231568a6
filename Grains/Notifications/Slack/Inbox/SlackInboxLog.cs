namespace Scheduler.Grains.Notifications.Slack.Inbox;

internal static partial class SlackInboxLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Slack inbox {Inbox}: interaction {Id} ({ActionId} {Value} from {UserId}): {Outcome}")]
    public static partial void InteractionHandled(this ILogger logger, string inbox, string id, string actionId, string value, string userId, string outcome);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Slack inbox {Inbox}: interaction {Id} failed (attempt {Attempt}), next try at {NextAttempt}")]
    public static partial void InteractionWillRetry(this ILogger logger, Exception exception, string inbox, string id, int attempt, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "Slack inbox {Inbox}: interaction {Id} ({ActionId} {Value} from {UserId}) given up after {Attempt} attempts")]
    public static partial void InteractionGaveUp(this ILogger logger, Exception exception, string inbox, string id, string actionId, string value, string userId, int attempt);
}
