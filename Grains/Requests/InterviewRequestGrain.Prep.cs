using Scheduler.Grains.Prep;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The request's side of the candidate's prep plan (DESIGN.md §4; the plan itself is <see cref="IPrepPlanGrain"/>,
/// same key). Only the request knows whether and when the interview is booked, so planning goes through it, and it
/// tells the plan when the booking changes: booking, reschedule and cancel mark the plan outdated
/// (<see cref="RequestState.PrepOutdated"/>, written with the change) and the work turn tells it once the request has
/// settled, so a reschedule that books again at once re-plans once, and a lost call is repeated by the <c>process</c>
/// reminder. The plan's grain never calls back. A request submitted with <c>prep</c> is planned the same way after its
/// first booking.
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <inheritdoc />
    public async Task<PrepPlanOutcome> PlanPrep(PrepSpec settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (S.Spec is null)
        {
            return new PrepPlanOutcome(CommandError.NotFound, Missing.Message, null);
        }

        if (S.Status != RequestStatus.Booked || S.Booking is not { } booking)
        {
            return new PrepPlanOutcome(CommandError.InvalidState, $"A prep plan needs a booked interview; the request is {S.Status}.", null);
        }

        if (!S.PrepPlanned)
        {
            S.PrepPlanned = true;
            await _store.SaveWorkAsync();
        }

        var plan = await PrepPlan.Plan(new PrepPlanCommand(PrepInterviewOf(booking), settings));
        return new PrepPlanOutcome(CommandError.None, null, plan);
    }

    private IPrepPlanGrain PrepPlan => GrainFactory.GetGrain<IPrepPlanGrain>(this.GetPrimaryKeyString());

    /// <summary>The booking changed (booked, released for a reschedule, cancelled): the prep plan is to be told, if one follows this request.</summary>
    private void PrepMoved()
    {
        if (S.PrepPlanned || S.Spec?.Prep is not null)
        {
            S.PrepOutdated = true;
        }
    }

    /// <summary>Tells the prep plan the booking as it is now, once the request has settled (not while it is still negotiating).</summary>
    private async Task SyncPrepAsync()
    {
        if (!S.PrepOutdated || RequestTransitions.InProgress(S.Status))
        {
            return;
        }

        var interview = S.Booking is { } booking ? PrepInterviewOf(booking) : null;
        var reason = interview is not null ? null : S.Status == RequestStatus.Cancelled ? "The interview was cancelled." : "The interview no longer has a booked time.";
        await PrepPlan.InterviewChanged(new PrepInterviewChange(interview, S.Spec!.Prep, reason));
        S.PrepOutdated = false;
        await _store.SaveWorkAsync();
    }

    private PrepInterview PrepInterviewOf(BookingView booking) =>
        new(S.Spec!.CandidateId, NoticeBuilder.SlotOf(booking.Stages), [.. booking.Stages.Select(s => s.Name)]);
}
