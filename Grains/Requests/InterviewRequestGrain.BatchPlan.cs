using Scheduler.Grains.Batches;

namespace Scheduler.Grains.Requests;

/// <summary>The batch planner's side of the request: waiting for a hint, and trying it first.</summary>
public sealed partial class InterviewRequestGrain
{
    private BatchPlanHint? _hint;
    private IGrainTimer? _planWait;

    /// <inheritdoc />
    public Task ReceiveBatchPlan(BatchPlanHint? hint)
    {
        if (S.Spec is null || !_store.Leave(RequestPhase.AwaitingPlan))
        {
            return Task.CompletedTask;
        }

        _hint = hint is not null && BatchHint.Fits(S.Spec, S.Window ?? S.Spec.Window, hint.Stages) ? hint : null;
        StopPlanWait();

        // The durable resume reminder was registered when the request was stored to wait for its plan.
        _kick.Request();
        return Task.CompletedTask;
    }

    /// <summary>Instead of starting at once: the durable resume reminder, and a short timer after which the request starts without a plan.</summary>
    private async Task AwaitPlanAsync()
    {
        await this.RegisterOrUpdateReminder(RequestSettings.ProcessReminder, RequestSettings.ResumePeriod, RequestSettings.ResumePeriod);
        StopPlanWait();
        _planWait = this.RegisterGrainTimer(_ => PlanWaitElapsedAsync(), RequestSettings.PlanWait, Timeout.InfiniteTimeSpan);
    }

    private Task PlanWaitElapsedAsync()
    {
        StopPlanWait();
        if (_store.Leave(RequestPhase.AwaitingPlan))
        {
            _kick.Request();
        }

        return Task.CompletedTask;
    }

    private void StopPlanWait()
    {
        _planWait?.Dispose();
        _planWait = null;
    }

    /// <summary>
    /// Books the planner's hint through holds when there is one; when they are refused, continues as a
    /// booking round without it. Returns <see langword="false"/> (doing nothing) without a hint.
    /// </summary>
    private async Task<bool> TryHintAsync()
    {
        _store.Leave(RequestPhase.AwaitingPlan);
        var hint = _hint;
        _hint = null;

        // A planned option carries the planner's pick for every pool; a first-to-accept seat goes to whoever accepts.
        if (hint is null || await FindOfferSeatAsync() is not null)
        {
            return false;
        }

        List<ScheduledStageView> option = [.. hint.Stages];
        S.Target = option;
        _store.Move(RequestTrigger.Planned, "Planned with the other requests of its batch.");
        await _store.SaveAsync();
        if (await HoldTaker.TryBookAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!, option) is { } hosted)
        {
            await BookedAsync(option, hosted, new OptionSearchResult([], null, null, null, null) { PoolMembers = hint.PoolMembers });
            return true;
        }

        _log.OptionRefused(this.GetPrimaryKeyString(), option[0].Start, 0);
        await BookAsync([]);
        return true;
    }
}
