using Orleans.Concurrency;
using Scheduler.Grains.Batches;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Prep;

namespace Scheduler.Grains.Requests;

/// <summary>
/// One interview request, key <c>{tenant}/{requestId}</c>: its state machine (DESIGN.md §3),
/// proposals, booking and history. Negotiation runs in the background after
/// <see cref="Submit"/>; callers poll <see cref="Get"/>. Every transition is persisted before it
/// is reported.
/// </summary>
[Alias("Scheduler.Grains.IInterviewRequestGrain")]
public interface IInterviewRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the request as <see cref="RequestStatus.Pending"/> and starts negotiating. Idempotent:
    /// when the request already exists, it is returned unchanged (whatever <paramref name="spec"/> says), and its
    /// work, while in progress, is restarted (the caller's retry of a submit whose reminder failed to register).
    /// The caller validates the spec (fields, known participants); the grain rejects only what it
    /// cannot store.
    /// </summary>
    /// <param name="spec">The request.</param>
    /// <returns>The stored request and whether this call created it.</returns>
    /// <exception cref="ArgumentException">The spec has no stages or an empty candidate id; nothing is stored.</exception>
    [Alias("Submit")]
    Task<SubmitOutcome> Submit(InterviewRequestSpec spec);

    /// <summary>
    /// Returns the current status view. Cheap; never waits for a negotiation in progress, so it answers within
    /// 10 s or fails with <see cref="TimeoutException"/>: a read sent to a silo that then died is
    /// not held for the cluster's full call timeout (30 s), and a polling dashboard gets its 503 and retries sooner.
    /// </summary>
    /// <returns>The view, or <see langword="null"/> when the request was never submitted.</returns>
    /// <exception cref="TimeoutException">No answer within 10 s.</exception>
    [AlwaysInterleave]
    [ResponseTimeout("00:00:10")]
    [Alias("Get")]
    Task<InterviewRequestView?> Get();

    /// <summary>Returns the current status view with <see cref="InterviewRequestView.Notifications"/> filled from the request's outbox.</summary>
    /// <returns>The view, or <see langword="null"/> when the request was never submitted.</returns>
    [AlwaysInterleave]
    [Alias("GetWithNotifications")]
    Task<InterviewRequestView?> GetWithNotifications();

    /// <summary>
    /// Whether work that a command queued is still waiting for the request's next work turn: participants to release,
    /// offers to withdraw, notices not yet handed to the outbox (their recipients are read from the participants'
    /// profiles then), observations of the attendees' times not yet delivered to them, or the prep plan still to be
    /// told of the change (it withdraws its blocks from the candidate's calendar). Lets a caller that is about to delete
    /// a participant wait until a cancellation has notified it.
    /// </summary>
    /// <returns><see langword="true"/> while such work waits; <see langword="false"/> also when the request does not exist.</returns>
    [AlwaysInterleave]
    [Alias("HasQueuedWork")]
    Task<bool> HasQueuedWork();

    /// <summary>
    /// Books the candidate's chosen proposal (status must be <see cref="RequestStatus.Proposed"/>). Booking continues in the
    /// background. Selecting again the proposal the request is booking (or has booked), as a caller's retry does,
    /// succeeds and restarts the booking's work.
    /// </summary>
    /// <param name="proposalId">A current proposal id.</param>
    /// <returns>The outcome; on success the request is in <see cref="RequestStatus.Booking"/> (or has moved on from it).</returns>
    [Alias("Select")]
    Task<CommandOutcome> Select(string proposalId);

    /// <summary>
    /// Cancels the request and releases its holds and bookings on every participant. Idempotent on a cancelled request:
    /// a repeat succeeds and restarts the releases still to be done.
    /// </summary>
    /// <param name="reason">Why; may be <see langword="null"/>.</param>
    /// <returns>The outcome; <see cref="CommandError.InvalidState"/> for completed, failed or no-availability requests.</returns>
    [Alias("Cancel")]
    Task<CommandOutcome> Cancel(string? reason);

    /// <summary>Releases the booking (or proposals) and negotiates again, optionally in a new window.</summary>
    /// <param name="spec">The optional new window.</param>
    /// <returns>
    /// The outcome; on success the request is in <see cref="RequestStatus.Rescheduling"/>. <see cref="CommandError.InvalidState"/>
    /// while work is in progress (that work is restarted, as a repeated reschedule needs) and after cancellation or completion.
    /// </returns>
    [Alias("Reschedule")]
    Task<CommandOutcome> Reschedule(RescheduleSpec spec);

    /// <summary>
    /// Whether the candidate may ask now for another time for the booking whose first stage starts at
    /// <paramref name="bookedStart"/>, under the tenant's <see cref="Settings.SchedulingSettings"/>
    /// (<c>candidateRescheduling</c>, the cut-off before the start, the limit per request). Changes nothing.
    /// </summary>
    /// <param name="bookedStart">The booking's first stage start (UTC) the candidate was told about.</param>
    /// <returns><see cref="CandidateRescheduleState.Asked"/> once that booking was released at the candidate's request; <see cref="CandidateRescheduleState.Refused"/> also when the request does not exist.</returns>
    [AlwaysInterleave]
    [Alias("GetCandidateReschedule")]
    Task<CandidateRescheduleAnswer> GetCandidateReschedule(DateTimeOffset bookedStart);

    /// <summary>
    /// The candidate asks for another time: when <see cref="GetCandidateReschedule"/> allows it, the booking is released,
    /// the attendees' invites are withdrawn and new times are proposed to the candidate (status
    /// <see cref="RequestStatus.Rescheduling"/>, then <see cref="RequestStatus.Proposed"/>), whatever the request's mode.
    /// Asking again for the same booking changes nothing but restarts the work the first ask started.
    /// </summary>
    /// <param name="bookedStart">The booking's first stage start (UTC) the candidate was told about.</param>
    /// <returns><see cref="CandidateRescheduleState.Asked"/> when released (now or before); otherwise why not.</returns>
    [Alias("RescheduleForCandidate")]
    Task<CandidateRescheduleAnswer> RescheduleForCandidate(DateTimeOffset bookedStart);

    /// <summary>
    /// Plans the candidate's prep before the booked interview with <paramref name="settings"/> (<see cref="IPrepPlanGrain.Plan"/>),
    /// replacing an earlier plan; from then on the plan follows the interview: re-planned when it moves, removed when it is cancelled.
    /// </summary>
    /// <param name="settings">The plan's settings (the gateway fills what the caller left out from the request's own <c>prep</c>).</param>
    /// <returns>The plan; <see cref="CommandError.NotFound"/> for an unknown request, <see cref="CommandError.InvalidState"/> unless the request is booked.</returns>
    [Alias("PlanPrep")]
    Task<PrepPlanOutcome> PlanPrep(PrepSpec settings);

    /// <summary>
    /// A participant reports that its calendar now conflicts with the booking; handled by the conflict policy
    /// (<c>reschedule</c>, or <c>flag</c>: a booking already flagged is not flagged again). Ignored unless booked, and
    /// unless <see cref="ConflictNotice.Interval"/> overlaps a stage of the current booking that
    /// <see cref="ConflictNotice.ParticipantId"/> attends (a late notice about a booking since replaced changes nothing). One-way.
    /// </summary>
    /// <param name="notice">The conflict.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("NotifyConflict")]
    Task NotifyConflict(ConflictNotice notice);

    /// <summary>
    /// The host's calendar account made the video meeting of a booked stage: the link is kept on that stage of the booking
    /// (<see cref="ScheduledStageView.ConferenceUrl"/>). Ignored when no booked stage starts at <see cref="ConferenceLink.StageStart"/>
    /// (the request moved or was cancelled since) or the link is not an absolute https URL. One-way: the account writes
    /// events while the request may be waiting on the participant that asked for them.
    /// </summary>
    /// <param name="link">The stage and its link.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("RecordConferenceLink")]
    Task RecordConferenceLink(ConferenceLink link);

    /// <summary>
    /// The batch planner's hint for a request submitted with <see cref="InterviewRequestSpec.AwaitBatchPlan"/>:
    /// the option to try first (through the request's own holds in participant-key order), before
    /// the request's own search. Starts negotiating. Ignored when the request no longer waits for a
    /// plan (it started on its own, or was cancelled) or when the hint does not have the request's
    /// stages, named interviewers and window.
    /// </summary>
    /// <param name="hint">The planned option, or <see langword="null"/> to start without one.</param>
    /// <returns>A task that completes when the message is accepted (one-way: the planner never waits for requests).</returns>
    [OneWay]
    [Alias("ReceiveBatchPlan")]
    Task ReceiveBatchPlan(BatchPlanHint? hint);

    /// <summary>
    /// A pool reports that a member won one of this request's first-to-accept offers. The request reads the offer
    /// back from the pool (the authority) in its next work turn and books the winner through holds. Ignored unless
    /// the request is <see cref="RequestStatus.Offered"/> with that offer open. One-way, so the pool never waits for
    /// the request (the request calls the pool while it offers; the pool must never call back synchronously).
    /// </summary>
    /// <param name="acceptance">The pool, offer and winner.</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    [OneWay]
    [Alias("OfferAccepted")]
    Task OfferAccepted(OfferAcceptance acceptance);
}
