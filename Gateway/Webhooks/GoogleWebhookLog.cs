namespace Scheduler.Gateway.Webhooks;

/// <summary>Log messages of the Google webhook. Channel tokens are never logged.</summary>
internal static partial class GoogleWebhookLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Google push notification for channel '{ChannelId}' has no usable channel token; refused")]
    public static partial void Unroutable(ILogger logger, string channelId);
}
