using Scheduler.Grains.Batches;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Starts a batch planner (<see cref="IBatchPlannerGrain"/>) for one chunk in the background once the
/// chunk's items are durably accepted. The response never waits for it, and a plan that fails or
/// never runs loses nothing: each request negotiates on its own after its short deadline, or from
/// its durable reminder.
/// </summary>
internal static partial class BatchPlanTrigger
{
    /// <summary>Plans the accepted items of one chunk in the background.</summary>
    /// <param name="factory">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="plannerId">The planner's id: the batch id and the chunk number.</param>
    /// <param name="items">The chunk's accepted requests.</param>
    /// <param name="logger">Where a failed plan is reported.</param>
    public static void Start(IGrainFactory factory, string tenant, string plannerId, IReadOnlyList<BatchPlanItem> items, ILogger logger)
    {
        if (items.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await factory.GetGrain<IBatchPlannerGrain>(GrainKeys.For(tenant, plannerId)).Plan(items);
            }
            catch (TimeoutException)
            {
                // The planner goes on; only this caller stopped waiting for its summary.
                PlanSlow(logger, tenant, plannerId, items.Count);
            }
            catch (Exception exception)
            {
                PlanFailed(logger, exception, tenant, plannerId, items.Count);
            }
        });
    }

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Batch plan {PlannerId} for {Tenant} ({Count} requests) is taking longer than the call timeout; requests it has not reached start on their own after their plan wait.")]
    private static partial void PlanSlow(ILogger logger, string tenant, string plannerId, int count);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Batch plan {PlannerId} for {Tenant} ({Count} requests) failed; the requests negotiate on their own.")]
    private static partial void PlanFailed(ILogger logger, Exception exception, string tenant, string plannerId, int count);
}
