namespace Scheduler.Grains.Calendars;

/// <summary>Log messages of the calendar sources. URLs are always redacted; credentials are never logged.</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Calendar {Calendar} of {Participant} read: HTTP {Status}")]
    public static partial void Read(ILogger logger, string participant, string calendar, int status);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Calendar {Calendar} of {Participant} could not be read; keeping the last good data: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string participant, string calendar, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Calendar {Calendar} of {Participant} could not be read: an unexpected error")]
    public static partial void ReadCrashed(ILogger logger, Exception exception, string participant, string calendar);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "CalDAV server {Calendar} does not support free-busy-query; using calendar-query")]
    public static partial void FreeBusyUnsupported(ILogger logger, string calendar);
}
