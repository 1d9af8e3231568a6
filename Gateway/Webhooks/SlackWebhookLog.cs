namespace Scheduler.Gateway.Webhooks;

/// <summary>Log messages of the Slack webhook.</summary>
internal static partial class SlackWebhookLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Slack request refused: signature check returned {Result}.")]
    public static partial void Refused(ILogger logger, Grains.Notifications.SlackSignatureResult result);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Slack interaction {ActionId} {Value} from {UserId} could not be queued (queue full); it is not processed.")]
    public static partial void QueueFull(ILogger logger, string actionId, string value, string userId);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "Slack interaction {ActionId} {Value} from {UserId} failed; it is not processed.")]
    public static partial void Failed(ILogger logger, Exception exception, string actionId, string value, string userId);

    [LoggerMessage(EventId = 43, Level = LogLevel.Information, Message = "Slack interaction {ActionId} {Value} from {UserId}: {Outcome}.")]
    public static partial void Processed(ILogger logger, string actionId, string value, string userId, string outcome);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Slack request with a malformed body was acknowledged and ignored.")]
    public static partial void Malformed(ILogger logger, Exception exception);
}
