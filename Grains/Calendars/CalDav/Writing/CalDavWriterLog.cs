namespace Scheduler.Grains.Calendars.CalDav.Writing;

internal static partial class CalDavWriterLog
{
    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "CalDAV events of {Request} for {Participant} could not be written yet; retrying from the reminder: {Reason}")]
    public static partial void WriteFailed(ILogger logger, string participant, string request, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "CalDAV events of {Request} for {Participant} written to {Calendars} calendars")]
    public static partial void Written(ILogger logger, string participant, string request, int calendars);
}
