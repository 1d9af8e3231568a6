namespace Scheduler.Grains.Participants;

internal static partial class ParticipantLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Participant {Participant} refused a hold for {RequestId}: {Refusal}")]
    public static partial void HoldRefused(this ILogger logger, string participant, string requestId, HoldRefusal refusal);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Participant {Participant} could not store its state; the activation is discarded")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, string participant);
}
