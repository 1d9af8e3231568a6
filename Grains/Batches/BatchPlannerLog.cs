using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Batches;

internal static partial class BatchPlannerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Batch chunk {Chunk}: {Planned} of {Requests} requests planned; {Hinted} hinted (first come, first served would place {Greedy})")]
    public static partial void Planned(this ILogger logger, string chunk, int requests, int planned, int hinted, int greedy);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Batch chunk {Chunk}: {Count} requests could not be planned; they negotiate on their own")]
    public static partial void ChunkFailed(this ILogger logger, string chunk, Exception exception, int count);
}
