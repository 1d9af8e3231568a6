namespace Scheduler.Gateway.Webhooks;

/// <summary>Log messages of the Slack webhook.</summary>
internal static partial class SlackWebhookLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Slack request refused: signature check returned {Result}.")]
    public static partial void Refused(ILogger logger, SlackSignatureResult result);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "{Count} Slack interactions could not be stored in time; answered 503 so Slack reports the failure to the user.")]
    public static partial void NotStored(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Slack interaction {ActionId} {Value} from {UserId} has no scheduler button value; ignored.")]
    public static partial void Ignored(ILogger logger, string actionId, string value, string userId);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Slack request with a malformed body was acknowledged and ignored.")]
    public static partial void Malformed(ILogger logger, Exception exception);
}
