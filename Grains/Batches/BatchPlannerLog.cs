using Scheduler.Scheduling.Batch;

namespace Scheduler.Grains.Batches;

internal static partial class BatchPlannerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Batch chunk {Chunk}: {Planned} of {Requests} requests planned; {Hinted} hinted (first come, first served would place {Greedy})")]
    public static partial void Planned(this ILogger logger, string chunk, int requests, int planned, int hinted, int greedy);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Batch chunk {Chunk}: {Count} requests could not be planned; they negotiate on their own")]
    public static partial void ChunkFailed(this ILogger logger, string chunk, Exception exception, int count);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Batch chunk {Chunk}: CP-SAT ended {Status} ({Reason}); the chunk keeps its greedy + repair plan")]
    public static partial void SolverFellBack(this ILogger logger, string chunk, BatchSolverStatus status, string? reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Batch chunk {Chunk}: {Strategy} books {Booked} of at most {Bound}; CP-SAT {Status} after {Seconds} deterministic seconds")]
    public static partial void Solved(this ILogger logger, string chunk, string strategy, int booked, int bound, BatchSolverStatus status, double seconds);
}
