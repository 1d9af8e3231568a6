namespace Scheduler.Gateway.Webhooks;

/// <summary>Log messages of <c>/webhooks/{provider}</c>. Channel tokens and client states are never logged.</summary>
internal static partial class CalendarWebhookLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "{Provider} notification refused ({Notifications} routable notifications): none verified")]
    public static partial void Refused(ILogger logger, string provider, int notifications);
}
