using Scheduler.Grains.Learning;
using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>
/// An interview request: the state machine of DESIGN.md §3, as the table <see cref="RequestTransitions"/>. Every status
/// change and write goes through <see cref="RequestStore"/>, and is written before it is visible through
/// <see cref="Get"/>. Work (negotiation, booking, releases) runs in timer turns after the command that started it,
/// and a durable <c>process</c> reminder resumes it after a crash or deactivation.
/// </summary>
[GrainType("interviewrequest")]
public sealed partial class InterviewRequestGrain : Grain, IInterviewRequestGrain, IRemindable
{
    private static readonly CommandOutcome Missing = new(CommandError.NotFound, "The request does not exist.", null);
    private readonly RequestStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<InterviewRequestGrain> _log;
    private readonly NotificationChannels? _notifications;
    private readonly WorkKick _kick;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="notifications">The configured notification channels; when absent (no notifications registered) the request notifies nobody.</param>
    public InterviewRequestGrain([PersistentState("request")] IPersistentState<RequestState> state, TimeProvider time, ILogger<InterviewRequestGrain> log, NotificationChannels? notifications = null)
    {
        _store = new RequestStore(this, state, time, log, GrainFactory, this.GetPrimaryKeyString());
        _time = time;
        _log = log;
        _notifications = notifications;
        _kick = new WorkKick(run => this.RegisterGrainTimer(run, TimeSpan.Zero, Timeout.InfiniteTimeSpan), _ => ProcessAsync());
    }

    private RequestState S => _store.State;

    private string Tenant => _store.Tenant;

    private string Id => _store.Id;

    /// <summary>Whether the state holds work the work turn still has to do: releases, offer withdrawals, notices, preference reports or a prep update.</summary>
    private bool WorkQueued => S.ParticipantsToRelease.Count > 0 || S.OffersToWithdraw.Count > 0 || S.NoticesToSend.Count > 0
        || S.PreferencesToReport.Count > 0 || S.PrepOutdated || S.LinksToShow.Count > 0;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store.Load();
        ResumeNotificationsOnActivate();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SubmitOutcome> Submit(InterviewRequestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is not null)
        {
            // A repeated submit is the caller's retry: the first may have stored the request and then failed to
            // register its process reminder, which only this path registers.
            await RestartWorkAsync();

            return new SubmitOutcome(_store.View!, false);
        }

        ArgumentException.ThrowIfNullOrEmpty(spec.CandidateId, "candidateId");
        if (spec.Stages is not { Count: > 0 })
        {
            throw new ArgumentException("At least one stage is required.", "stages");
        }

        S.Spec = spec;
        S.CreatedAt = _time.GetUtcNow();
        _store.Move(RequestTrigger.Submitted, null, spec.AwaitBatchPlan && spec.Mode == SchedulingMode.AutoBook ? RequestPhase.AwaitingPlan : RequestPhase.None);
        await _store.SaveAsync();
        await StartOrAwaitPlanAsync();
        return new SubmitOutcome(_store.View!, true);
    }

    /// <inheritdoc />
    public Task<InterviewRequestView?> Get() => Task.FromResult(_store.View);

    /// <inheritdoc />
    public async Task<CommandOutcome> Select(string proposalId)
    {
        if (S.Spec is null)
        {
            return Missing;
        }

        if (!_store.Can(RequestTrigger.Selected))
        {
            if (!CarriesOut(proposalId))
            {
                return Refused($"A selection needs status proposed; the request is {S.Status}.");
            }

            // The caller's retry: the first selection may have been stored and then failed to register its reminder.
            await RestartWorkAsync();
            return Done();
        }

        if (S.Proposals.FirstOrDefault(p => p.Id == proposalId) is not { } proposal)
        {
            return new CommandOutcome(CommandError.UnknownProposal, $"'{proposalId}' is not a current proposal.", _store.View);
        }

        S.Target = [.. proposal.Stages];
        ReportSelection(proposal);
        // An auto-book request proposes only after the candidate asked for another time: their choice stays theirs.
        _store.Move(RequestTrigger.Selected, SelectionNote(proposal.Id), S.Spec.Mode == SchedulingMode.AutoBook ? RequestPhase.CandidateChoice : RequestPhase.None);
        await _store.SaveAsync();
        await StartWorkAsync();
        return Done();
    }

    /// <summary>The history note of a selection, e.g. <c>Proposal p3 selected.</c>; <see cref="LastSelected"/> reads it back.</summary>
    /// <param name="proposalId">The selected proposal's id.</param>
    /// <returns>The note.</returns>
    internal static string SelectionNote(string proposalId) => $"Proposal {proposalId} selected.";

    /// <summary>
    /// Whether the request is carrying out (or has booked) the selection of <paramref name="proposalId"/>: it is the
    /// latest selection, and since then the request has only been booking, offered or booked.
    /// </summary>
    private bool CarriesOut(string proposalId)
    {
        if (LastSelected(S.History) != proposalId)
        {
            return false;
        }

        var note = SelectionNote(proposalId);
        var selected = S.History.FindLastIndex(h => h.Reason == note);
        return S.History.Skip(selected).All(h => h.Status is RequestStatus.Booking or RequestStatus.Offered or RequestStatus.Booked);
    }

    /// <summary>The proposal id of the request's latest selection (<see cref="SelectionNote"/>), or <see langword="null"/> when none was made.</summary>
    /// <param name="history">The request's history, oldest first.</param>
    /// <returns>The proposal id.</returns>
    internal static string? LastSelected(IReadOnlyList<StatusChange> history) =>
        history.LastOrDefault(h => h.Reason is { } r && r.StartsWith("Proposal ", StringComparison.Ordinal) && r.EndsWith(" selected.", StringComparison.Ordinal)) is { Reason: { } note }
            ? note["Proposal ".Length..^" selected.".Length]
            : null;

    /// <inheritdoc />
    public Task<bool> HasQueuedWork() => Task.FromResult(S.Spec is not null && WorkQueued);

    /// <inheritdoc />
    public async Task<CommandOutcome> Cancel(string? reason)
    {
        if (S.Spec is null)
        {
            return Missing;
        }

        if (S.Status == RequestStatus.Cancelled)
        {
            // The caller's retry: the first cancel may have been stored and then failed to register its reminder.
            await RestartWorkAsync();
            return Done();
        }

        if (!_store.Can(RequestTrigger.Cancelled))
        {
            return Refused($"A {S.Status} request cannot be cancelled.");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason;
        ReportBooking(PreferenceOutcome.Cancelled);
        StandDown();
        AnnounceWithdrawn(why);
        _store.Move(RequestTrigger.Cancelled, why ?? "Cancelled.", code: "cancelled");
        await _store.SaveAsync();
        await StartWorkAsync();
        return Done();
    }

    /// <inheritdoc />
    public async Task<CommandOutcome> Reschedule(RescheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is null)
        {
            return Missing;
        }

        if (spec.Window is { } window && window.End <= window.Start)
        {
            return new CommandOutcome(CommandError.InvalidArgument, "The window must end after it starts.", _store.View);
        }

        if (!_store.Can(RequestTrigger.RescheduleRequested))
        {
            // Refused while work is in progress; the work may be an earlier reschedule's whose reminder failed to register.
            await RestartWorkAsync();
            return Refused($"A {S.Status} request cannot be rescheduled.");
        }

        await RescheduleAsync(RequestTrigger.RescheduleRequested, spec.Window, "Reschedule requested.");
        return Done();
    }

    /// <inheritdoc />
    public async Task NotifyConflict(ConflictNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var flag = S.Spec?.ConflictPolicy == ConflictPolicy.Flag;
        var trigger = flag ? RequestTrigger.ConflictFlagged : RequestTrigger.ConflictRescheduled;

        // A booking is flagged once: the recruiter already knows; more conflicts (or the same one found again by a
        // calendar re-read after the participant was reactivated) would only repeat the notice. A notice about a
        // booking since replaced (delivered late, one-way) concerns no stage of this one.
        if (!_store.Can(trigger) || (flag && S.Phase == RequestPhase.ConflictFlagged) || !Concerns(notice))
        {
            return;
        }

        var reason = $"Participant '{notice.ParticipantId}' reported a conflict from {notice.Interval.Start:O} to {notice.Interval.End:O}.";
        if (!flag)
        {
            await RescheduleAsync(trigger, null, reason, notice.ParticipantId);
            return;
        }

        _store.Move(trigger, reason, RequestPhase.ConflictFlagged);
        AddNotice(NotificationKind.ConflictFlagged, NoticeAudience.Recruiter, S.History.Count, S.AnnouncedSlot ?? NoticeBuilder.SlotOf(S.Booking!.Stages), reason);
        await _store.SaveAsync();
        if (S.NoticesToSend.Count > 0)
        {
            await StartWorkAsync();
        }
    }

    /// <summary>Whether <paramref name="notice"/> is about the current booking: its interval overlaps a stage its participant attends (an interviewer of that stage, or the candidate, who attends every stage).</summary>
    private bool Concerns(ConflictNotice notice) =>
        S.Booking is { } booking && booking.Stages.Any(stage =>
            (notice.ParticipantId == S.Spec!.CandidateId || stage.InterviewerIds.Contains(notice.ParticipantId))
            && notice.Interval.Overlaps(new TimeRange(stage.Start, stage.End)));

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await TryReceiveNotificationReminderAsync(reminderName))
        {
            return;
        }

        if (reminderName == RequestSettings.OfferExpiryReminder)
        {
            // One-shot; the work turn sees the expiry (and the process reminder would, should this turn be lost).
            await this.StopReminderAsync(RequestSettings.OfferExpiryReminder);
            await _kick.RunAsync(CancellationToken.None);
            return;
        }

        if (reminderName == RequestSettings.CompleteReminder)
        {
            if (_store.Can(RequestTrigger.Completed) && S.Booking is { } booking && booking.Stages[^1].End <= _time.GetUtcNow())
            {
                ReportBooking(PreferenceOutcome.Held);
                _store.Move(RequestTrigger.Completed, null);
                await _store.SaveAsync();
                await StartWorkAsync();
            }

            await this.StopReminderAsync(RequestSettings.CompleteReminder);
            return;
        }

        await _kick.RunAsync(CancellationToken.None);
    }

    private CommandOutcome Done() => new(CommandError.None, null, _store.View);

    private CommandOutcome Refused(string message) => new(CommandError.InvalidState, message, _store.View);

    /// <summary>Releases the booking and negotiates again; <paramref name="participant"/> (a conflict's, or the candidate who asked) is the one whose preferences learn from it.</summary>
    private async Task RescheduleAsync(RequestTrigger trigger, TimeRange? window, string reason, string? participant = null, RequestPhase phase = RequestPhase.None)
    {
        S.AvoidStart = S.Booking?.Stages[0].Start ?? S.AvoidStart;
        ReportBooking(PreferenceOutcome.Rescheduled, participant);
        StandDown();
        S.Window = window ?? S.Window;
        S.ReplanReminders = _notifications is not null;
        _store.Move(trigger, reason, phase);
        await _store.SaveAsync();
        await this.StopReminderAsync(RequestSettings.CompleteReminder);
        await StartWorkAsync();
    }

    /// <summary>Cancel or reschedule: queues the open offer's withdrawal and the release of everyone booked or held, and drops proposals, target and booking.</summary>
    private void StandDown()
    {
        DropOffer();
        var attendees = HoldTaker.Attendees(S.Spec!.CandidateId, S.Booking?.Stages).Concat(HoldTaker.Attendees(S.Spec.CandidateId, S.Target));
        S.ParticipantsToRelease = [.. S.ParticipantsToRelease.Concat(attendees).Distinct(StringComparer.Ordinal)];
        S.Booking = null;
        S.Target = null;
        S.Proposals = [];
        PrepMoved();
    }

    private Task StartOrAwaitPlanAsync() => S.Phase == RequestPhase.AwaitingPlan ? AwaitPlanAsync() : StartWorkAsync();

    /// <summary>
    /// Asks for a work turn, then registers the durable <c>process</c> reminder. The turn is asked for first, so a failed
    /// registration (reported to the command's caller, whose retry registers it) does not stop the work in this activation.
    /// </summary>
    private async Task StartWorkAsync()
    {
        _kick.Request();
        await this.RegisterOrUpdateReminder(RequestSettings.ProcessReminder, RequestSettings.ResumePeriod, RequestSettings.ResumePeriod);
    }

    /// <summary>
    /// A repeated command that finds its change already stored (the caller's retry): (re)starts the work that change
    /// left, in progress or queued, since the first call may have failed to register the reminder that carries it out.
    /// </summary>
    private Task RestartWorkAsync() =>
        RequestTransitions.InProgress(S.Status) ? StartOrAwaitPlanAsync()
        : WorkQueued || S.ReplanReminders ? StartWorkAsync()
        : Task.CompletedTask;

    private async Task ProcessAsync()
    {
        try
        {
            if (S.ParticipantsToRelease.Count > 0)
            {
                var key = this.GetPrimaryKeyString();
                await Task.WhenAll(S.ParticipantsToRelease.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id)).CancelBooking(key)));
                S.ParticipantsToRelease = [];
                await _store.SaveWorkAsync();
            }

            await WithdrawQueuedOffersAsync();
            switch (S.Status)
            {
                case RequestStatus.Pending or RequestStatus.Rescheduling:
                    await NegotiateAsync();
                    break;
                case RequestStatus.Booking:
                    // A target whose seat was decided (accepted, or the engine's pick after a lapse) is booked as it is; so is
                    // the time a candidate chose after asking for another (an offer could lapse or renegotiate it away).
                    await BookAsync(S.Target is { } target ? [target] : [], null, offerInitial: S.Phase == RequestPhase.None);
                    break;
                case RequestStatus.Offered:
                    await ContinueOfferAsync();
                    break;
                default:
                    break;
            }

            await FlushNotificationsAsync();
            await ShowConferenceLinksAsync();
            await FlushPreferenceReportsAsync();
            await SyncPrepAsync();
            if (!RequestTransitions.InProgress(S.Status) && !WorkQueued && !S.ReplanReminders)
            {
                await this.StopReminderAsync(RequestSettings.ProcessReminder);
            }
        }
        catch (Exception exception)
        {
            // Like a crash: drop the activation; the durable reminder resumes from the stored state.
            _log.ProcessingFailed(exception, this.GetPrimaryKeyString(), S.Status);
            DeactivateOnIdle();
        }
    }
}
