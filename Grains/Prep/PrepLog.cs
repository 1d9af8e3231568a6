namespace Scheduler.Grains.Prep;

internal static partial class PrepLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Prep plan {Plan}: {Planned} of {Requested} minutes planned before {InterviewStart}; blocks added to {Delivery}")]
    public static partial void Planned(this ILogger logger, string plan, int planned, int requested, DateTimeOffset interviewStart, PrepDelivery delivery);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Prep plan {Plan} removed: {Reason}")]
    public static partial void Removed(this ILogger logger, string plan, string reason);
}
