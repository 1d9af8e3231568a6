using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Batches;

internal static partial class BatchPlannerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Batch {Batch}: {Planned} of {Requests} requests planned in {Groups} groups; {Hinted} hinted (greedy would place {Greedy})")]
    public static partial void Planned(this ILogger logger, string batch, int requests, int planned, int groups, int hinted, int greedy);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Batch {Batch}: a group of {Count} requests could not be planned; they negotiate on their own")]
    public static partial void GroupFailed(this ILogger logger, Exception exception, string batch, int count);
}
