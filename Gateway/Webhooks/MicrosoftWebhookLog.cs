namespace Scheduler.Gateway.Webhooks;

/// <summary>Log messages of <c>/webhooks/microsoft</c>. Client states are never logged.</summary>
internal static partial class MicrosoftWebhookLog
{
    [LoggerMessage(EventId = 4210, Level = LogLevel.Warning, Message = "Microsoft notification refused (channel {ChannelId}, {Items} items): none verified")]
    public static partial void Refused(ILogger logger, string channelId, int items);
}
