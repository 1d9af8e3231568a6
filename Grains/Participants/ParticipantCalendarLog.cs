namespace Scheduler.Grains.Participants;

/// <summary>Log messages of the participant's calendar change handling.</summary>
internal static partial class ParticipantCalendarLog
{
    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Participant {Participant}: a calendar change conflicts with request {Request} from {Start} to {End}; the request is told")]
    public static partial void ConflictFound(ILogger logger, string participant, string request, DateTimeOffset start, DateTimeOffset end);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Participant {Participant}: the calendar watch could not be registered; the next booking or profile write tries again")]
    public static partial void WatchNotRegistered(ILogger logger, Exception exception, string participant);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Participant {Participant}: a calendar event overlaps the hold of request {Request}; the hold is dropped, so its confirmation checks the calendars again")]
    public static partial void HoldDropped(ILogger logger, string participant, string request);
}
