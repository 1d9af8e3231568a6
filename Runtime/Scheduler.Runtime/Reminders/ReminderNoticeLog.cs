using Microsoft.Extensions.Logging;

namespace Scheduler.Runtime.Reminders;

/// <summary>Log messages of reminder change notices (source-generated; event ids 200 and up).</summary>
internal static partial class ReminderNoticeLog
{
    [LoggerMessage(200, LogLevel.Information, "Silo {SiloName} was not told that reminder {ReminderName} of grain {GrainId} changed; it finds the row at its next read of its ranges.")]
    public static partial void ReminderNoticeFailed(this ILogger logger, Exception exception, string siloName, string reminderName, GrainId grainId);

    [LoggerMessage(201, LogLevel.Warning, "Reminder {ReminderName} of grain {GrainId} changed on another silo but could not be read (attempt {Attempt}); reading it again in {RetryIn}.")]
    public static partial void ReminderNoticeReadFailed(this ILogger logger, Exception exception, string reminderName, GrainId grainId, int attempt, TimeSpan retryIn);
}
