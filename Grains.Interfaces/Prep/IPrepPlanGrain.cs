namespace Scheduler.Grains.Prep;

/// <summary>
/// The candidate's prep plan for one interview request, key <c>{tenant}/{requestId}</c> (the request's key): the
/// settings, the blocks, and where they were added (the candidate's calendars, or an emailed <c>.ics</c>). It is
/// planned through the request (<see cref="Requests.IInterviewRequestGrain.PlanPrep"/>), which alone knows whether and
/// when the interview is booked, and which tells it when the booking moves or goes. It never calls the request grain.
/// </summary>
[Alias("Scheduler.Grains.IPrepPlanGrain")]
public interface IPrepPlanGrain : IGrainWithStringKey
{
    /// <summary>
    /// Plans prep before the interview in the candidate's free working time (calendars, blocks, bookings and holds
    /// are busy; the plan's own earlier blocks are not), replacing an earlier plan, and adds the blocks to the
    /// candidate's calendar when the settings ask for it (or withdraws earlier ones when they no longer do).
    /// Called by the request grain.
    /// </summary>
    /// <param name="command">The interview and the settings.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside the planner's range; nothing is stored.</exception>
    [Alias("Plan")]
    Task<PrepPlanView> Plan(PrepPlanCommand command);

    /// <summary>
    /// The request's booking moved or went. A moved interview is planned again with the plan's settings (or, when no
    /// plan was asked for and none was deleted, with the request's own); without a booking the plan is removed and its
    /// blocks withdrawn from the calendar. Nothing happens when the interview is where the plan has it. Idempotent.
    /// </summary>
    /// <param name="change">The booking now.</param>
    /// <returns>A task that completes when the plan and the writes it queues are stored.</returns>
    [Alias("InterviewChanged")]
    Task InterviewChanged(PrepInterviewChange change);

    /// <summary>Returns the current plan.</summary>
    /// <returns>The plan, or <see langword="null"/> when there is none (never planned, deleted, or the interview has no booking).</returns>
    [Alias("Get")]
    Task<PrepPlanView?> Get();

    /// <summary>
    /// Deletes the plan and withdraws its blocks from the calendar; the request's own <c>prep</c> settings no longer
    /// plan it again when the interview moves (a new <see cref="Plan"/> does).
    /// </summary>
    /// <returns>Whether a plan followed the request (its settings were stored); when not, nothing changes.</returns>
    [Alias("Delete")]
    Task<bool> Delete();
}
