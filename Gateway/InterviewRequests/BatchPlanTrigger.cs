using Scheduler.Grains;
using Scheduler.Runtime;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Starts the batch planner (<see cref="IBatchPlannerGrain"/>) in the background once a batch's items
/// are durably accepted. The response never waits for it, and a plan that fails or never runs loses
/// nothing: each request negotiates on its own after its short deadline, or from its durable reminder.
/// </summary>
internal static partial class BatchPlanTrigger
{
    /// <summary>Plans the accepted auto-book items of one batch in the background.</summary>
    /// <param name="factory">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="batchId">A fresh id for this batch.</param>
    /// <param name="requestIds">The accepted auto-book request ids, in batch order.</param>
    /// <param name="logger">Where a failed plan is reported.</param>
    public static void Start(IGrainFactory factory, string tenant, string batchId, IReadOnlyList<string> requestIds, ILogger logger)
    {
        if (requestIds.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await factory.GetGrain<IBatchPlannerGrain>(GrainKeys.For(tenant, batchId)).Plan(requestIds);
            }
            catch (Exception exception)
            {
                PlanFailed(logger, exception, tenant, batchId, requestIds.Count);
            }
        });
    }

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Batch plan {BatchId} for {Tenant} ({Count} requests) failed; the requests negotiate on their own.")]
    private static partial void PlanFailed(ILogger logger, Exception exception, string tenant, string batchId, int count);
}
