using Microsoft.Extensions.Logging;
using Scheduler.Grains.Common;
using Scheduler.Grains.Notifications;
using Scheduler.Scheduling;

namespace Scheduler.Grains.Requests;

/// <summary>
/// An interview request: the state machine of DESIGN.md §3. Work (negotiation, booking, releases)
/// runs in timer turns after the command that started it, and a durable <c>process</c> reminder
/// resumes it after a crash or deactivation. Every transition is written before it is visible
/// through <see cref="Get"/>.
/// </summary>
[GrainType("interviewrequest")]
public sealed partial class InterviewRequestGrain : Grain, IInterviewRequestGrain, IRemindable
{
    private readonly IPersistentState<RequestState> _state;
    private readonly TimeProvider _time;
    private readonly ILogger<InterviewRequestGrain> _log;
    private readonly NotificationChannels? _notifications;
    private InterviewRequestView? _view;
    private readonly WorkKick _kick;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="notifications">The configured notification channels; when absent (no notifications registered) the request notifies nobody.</param>
    public InterviewRequestGrain([PersistentState("request")] IPersistentState<RequestState> state, TimeProvider time, ILogger<InterviewRequestGrain> log, NotificationChannels? notifications = null)
    {
        _state = state;
        _time = time;
        _log = log;
        _notifications = notifications;
        _kick = new WorkKick(run => this.RegisterGrainTimer(run, TimeSpan.Zero, Timeout.InfiniteTimeSpan), _ => ProcessAsync());
    }

    private RequestState S => _state.State;

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    private string Id => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _view = S.Spec is null ? null : BuildView();
        ResumeNotificationsOnActivate();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SubmitOutcome> Submit(InterviewRequestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is not null)
        {
            if (S.Status == RequestStatus.Pending)
            {
                // A repeated submit is the caller's retry: the first may have stored the request and
                // then failed to register its process reminder, which only this path registers.
                await (S.AwaitingPlan ? AwaitPlanAsync() : StartWorkAsync());
            }

            return new SubmitOutcome(_view!, false);
        }

        ArgumentException.ThrowIfNullOrEmpty(spec.CandidateId, "candidateId");
        if (spec.Stages is not { Count: > 0 })
        {
            throw new ArgumentException("At least one stage is required.", "stages");
        }

        var now = _time.GetUtcNow();
        S.Spec = spec;
        S.CreatedAt = now;
        S.AwaitingPlan = spec.AwaitBatchPlan && spec.Mode == SchedulingMode.AutoBook;
        Transition(RequestStatus.Pending, null);
        await PersistAsync();
        await (S.AwaitingPlan ? AwaitPlanAsync() : StartWorkAsync());
        return new SubmitOutcome(_view!, true);
    }

    /// <inheritdoc />
    public Task<InterviewRequestView?> Get() => Task.FromResult(_view);

    /// <inheritdoc />
    public async Task<CommandOutcome> Select(string proposalId)
    {
        if (S.Spec is null)
        {
            return new CommandOutcome(CommandError.NotFound, "The request does not exist.", null);
        }

        if (S.Status != RequestStatus.Proposed)
        {
            return new CommandOutcome(CommandError.InvalidState, $"A selection needs status proposed; the request is {S.Status}.", _view);
        }

        var proposal = S.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (proposal is null)
        {
            return new CommandOutcome(CommandError.UnknownProposal, $"'{proposalId}' is not a current proposal.", _view);
        }

        S.Target = [.. proposal.Stages];
        S.TargetDecided = false;
        Transition(RequestStatus.Booking, $"Proposal {proposal.Id} selected.");
        await PersistAsync();
        await StartWorkAsync();
        return new CommandOutcome(CommandError.None, null, _view);
    }

    /// <inheritdoc />
    public async Task<CommandOutcome> Cancel(string? reason)
    {
        if (S.Spec is null)
        {
            return new CommandOutcome(CommandError.NotFound, "The request does not exist.", null);
        }

        if (S.Status == RequestStatus.Cancelled)
        {
            return new CommandOutcome(CommandError.None, null, _view);
        }

        if (S.Status is RequestStatus.Completed or RequestStatus.Failed or RequestStatus.NoAvailability)
        {
            return new CommandOutcome(CommandError.InvalidState, $"A {S.Status} request cannot be cancelled.", _view);
        }

        DropOffer();
        MarkForRelease();
        S.Booking = null;
        S.Target = null;
        S.Proposals = [];
        AnnounceWithdrawn(string.IsNullOrWhiteSpace(reason) ? null : reason);
        Transition(RequestStatus.Cancelled, string.IsNullOrWhiteSpace(reason) ? "Cancelled." : reason, "cancelled");
        await PersistAsync();
        await StartWorkAsync();
        return new CommandOutcome(CommandError.None, null, _view);
    }

    /// <inheritdoc />
    public async Task<CommandOutcome> Reschedule(RescheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is null)
        {
            return new CommandOutcome(CommandError.NotFound, "The request does not exist.", null);
        }

        if (spec.Window is { } window && window.End <= window.Start)
        {
            return new CommandOutcome(CommandError.InvalidArgument, "The window must end after it starts.", _view);
        }

        if (S.Status is RequestStatus.Cancelled or RequestStatus.Completed or RequestStatus.Pending or RequestStatus.Booking or RequestStatus.Rescheduling)
        {
            return new CommandOutcome(CommandError.InvalidState, $"A {S.Status} request cannot be rescheduled.", _view);
        }

        await RescheduleAsync(spec.Window, "Reschedule requested.");
        return new CommandOutcome(CommandError.None, null, _view);
    }

    /// <inheritdoc />
    public async Task NotifyConflict(ConflictNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (S.Spec is null || S.Status != RequestStatus.Booked)
        {
            return;
        }

        var reason = $"Participant '{notice.ParticipantId}' reported a conflict from {notice.Interval.Start:O} to {notice.Interval.End:O}.";
        if (S.Spec.ConflictPolicy == ConflictPolicy.Flag)
        {
            S.ConflictFlagged = true;
            S.History.Add(new StatusChange(S.Status, _time.GetUtcNow(), reason));
            AddNotice(NotificationKind.ConflictFlagged, NoticeAudience.Recruiter, S.History.Count, S.AnnouncedSlot ?? NoticeBuilder.SlotOf(S.Booking!.Stages), reason);
            await PersistAsync();
            if (S.PendingNotices.Count > 0)
            {
                await StartWorkAsync();
            }

            return;
        }

        await RescheduleAsync(null, reason);
    }

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
            await StopReminderAsync(RequestSettings.OfferExpiryReminder);
            await _kick.RunAsync(CancellationToken.None);
            return;
        }

        if (reminderName == RequestSettings.CompleteReminder)
        {
            if (S.Status == RequestStatus.Booked && S.Booking is { } booking && booking.Stages[^1].End <= _time.GetUtcNow())
            {
                Transition(RequestStatus.Completed, null);
                await PersistAsync();
            }

            await StopReminderAsync(RequestSettings.CompleteReminder);
            return;
        }

        await _kick.RunAsync(CancellationToken.None);
    }

    private async Task RescheduleAsync(TimeRange? window, string reason)
    {
        S.AvoidStart = S.Booking?.Stages[0].Start ?? S.AvoidStart;
        DropOffer();
        MarkForRelease();
        S.Booking = null;
        S.Target = null;
        S.Proposals = [];
        S.ConflictFlagged = false;
        if (window is not null)
        {
            S.Window = window;
        }

        S.RemindersDirty = _notifications is not null;
        Transition(RequestStatus.Rescheduling, reason);
        await PersistAsync();
        await StopReminderAsync(RequestSettings.CompleteReminder);
        await StartWorkAsync();
    }

    private void MarkForRelease()
    {
        var attendees = HoldTaker.Attendees(S.Spec!.CandidateId, S.Booking?.Stages)
            .Concat(HoldTaker.Attendees(S.Spec.CandidateId, S.Target));
        S.PendingRelease = [.. S.PendingRelease.Concat(attendees).Distinct(StringComparer.Ordinal)];
    }

    private async Task StartWorkAsync()
    {
        await this.RegisterOrUpdateReminder(RequestSettings.ProcessReminder, RequestSettings.ResumePeriod, RequestSettings.ResumePeriod);
        _kick.Request();
    }

    private async Task ProcessAsync()
    {
        try
        {
            if (S.PendingRelease.Count > 0)
            {
                var key = this.GetPrimaryKeyString();
                await Task.WhenAll(S.PendingRelease.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id)).CancelBooking(key)));
                S.PendingRelease = [];
                await PersistAsync();
            }

            await WithdrawQueuedOffersAsync();

            switch (S.Status)
            {
                case RequestStatus.Pending or RequestStatus.Rescheduling:
                    await NegotiateAsync();
                    break;
                case RequestStatus.Booking:
                    await BookAsync(S.Target is { } target ? [target] : [], null, offerInitial: !S.TargetDecided);
                    break;
                case RequestStatus.Offered:
                    await ContinueOfferAsync();
                    break;
                default:
                    break;
            }

            await FlushNotificationsAsync();
            if (S.Status is not (RequestStatus.Pending or RequestStatus.Rescheduling or RequestStatus.Booking or RequestStatus.Offered) && S.PendingRelease.Count == 0
                && S.OffersToWithdraw.Count == 0
                && S.PendingNotices.Count == 0 && !S.RemindersDirty)
            {
                await StopReminderAsync(RequestSettings.ProcessReminder);
            }
        }
        catch (Exception exception)
        {
            // Like a crash: drop the activation; the durable reminder resumes from the stored state.
            _log.ProcessingFailed(exception, this.GetPrimaryKeyString(), S.Status);
            DeactivateOnIdle();
        }
    }

    private async Task NegotiateAsync()
    {
        if (await TryHintAsync())
        {
            return;
        }

        var spec = S.Spec!;
        var max = spec.Mode == SchedulingMode.Propose ? spec.MaxProposals : RequestSettings.OptionsPerAttempt;
        var found = await FindAsync(max);
        if (!await SettleIfNoOptionsAsync(found))
        {
            return;
        }

        if (spec.Mode == SchedulingMode.Propose)
        {
            await ProposeAsync(found.Options, null);
            return;
        }

        S.Target = ToStages(found.Options[0]);
        S.TargetDecided = false;
        Transition(RequestStatus.Booking, null);
        await PersistAsync();
        await BookAsync([.. found.Options.Select(ToStages)], found);
    }

    /// <summary>
    /// Tries options in order until one is booked or offered; after a round of refusals, searches again (bounded).
    /// <paramref name="offerInitial"/> is <see langword="false"/> when the initial options already have their
    /// first-to-accept seats decided; options of a fresh search are always offered when a first-to-accept pool applies.
    /// </summary>
    private async Task BookAsync(IReadOnlyList<List<ScheduledStageView>> initial, OptionSearchResult? search = null, bool offerInitial = true)
    {
        var spec = S.Spec!;
        var candidates = initial;
        var offering = offerInitial;
        for (var attempt = 1; attempt <= RequestSettings.MaxAttempts; attempt++)
        {
            if (candidates.Count == 0)
            {
                search = await FindAsync(spec.Mode == SchedulingMode.Propose ? spec.MaxProposals : RequestSettings.OptionsPerAttempt);
                if (!await SettleIfNoOptionsAsync(search))
                {
                    return;
                }

                if (spec.Mode == SchedulingMode.Propose)
                {
                    await ProposeAsync(search.Options, "The selected option was taken; new proposals are ready.");
                    return;
                }

                candidates = [.. search.Options.Select(ToStages)];
                offering = true;
            }

            foreach (var option in candidates)
            {
                S.Target = option;
                var offered = offering ? await TryOfferAsync(option) : null;
                if (offered == true)
                {
                    return;
                }

                if (offered is null && await HoldTaker.TryBookAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), spec, option))
                {
                    await BookedAsync(option, search);
                    return;
                }

                _log.OptionRefused(this.GetPrimaryKeyString(), option[0].Start, attempt);
            }

            candidates = [];
        }

        S.Target = null;
        Fail(RequestStatus.NoAvailability, $"Every option found in {RequestSettings.MaxAttempts} attempts was taken by other requests.", "takenByOtherRequests", null);
        await PersistAsync();
    }

    private async Task BookedAsync(List<ScheduledStageView> option, OptionSearchResult? search)
    {
        var now = _time.GetUtcNow();

        // The complete reminder is registered before the booking is written: should the write fail, the reminder
        // finds the request not booked and stops; the other order could leave a booked request that never completes.
        await this.RegisterOrUpdateReminder(RequestSettings.CompleteReminder, OneShotReminder.DueIn(option[^1].End - now), OneShotReminder.RetryPeriod);
        S.Booking = new BookingView(option, now);
        S.AvoidStart = null;
        S.Target = null;
        S.TargetDecided = false;
        S.OffersLapsed = false;
        S.Offer = null;
        S.Proposals = [];
        AnnounceBooked(option);
        Transition(RequestStatus.Booked, null);
        await PersistAsync();
        if (search is not null)
        {
            foreach (var (poolId, members) in search.PoolMembers)
            {
                var picked = option.SelectMany(s => s.InterviewerIds).Where(members.Contains).Distinct(StringComparer.Ordinal).ToArray();
                await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, poolId)).RecordPicked(picked);
            }
        }
    }

    private async Task ProposeAsync(IReadOnlyList<ScheduleOption> options, string? reason)
    {
        S.Proposals = [.. options.Select(o => new ProposalView(
            $"p{++S.ProposalCounter}",
            Math.Round(o.Score, 3),
            [.. o.Reasons.Select(r => new ScoreReasonView(r.Code, Math.Round(r.Points, 3), r.Description))],
            ToStages(o)))];
        S.Target = null;
        Transition(RequestStatus.Proposed, reason);
        AddNotice(NotificationKind.ProposalsReady, NoticeAudience.CandidateAndRecruiter, S.History.Count, null, reason, proposals: [.. S.Proposals.Select(p => NoticeBuilder.SlotOf(p.Stages))]);
        await PersistAsync();
    }

    /// <summary>Moves to NoAvailability or Failed when the search found nothing; returns whether there are options.</summary>
    private async Task<bool> SettleIfNoOptionsAsync(OptionSearchResult found)
    {
        if (found.Error is not null)
        {
            Fail(RequestStatus.Failed, found.Error, found.ErrorCode, found.ErrorParticipant);
            await PersistAsync();
            return false;
        }

        if (found.NoAvailability is { } none)
        {
            var code = JsonNamingPolicyCamel(none.Reason.ToString());
            Fail(RequestStatus.NoAvailability, none.Message, code, none.ParticipantId);
            await PersistAsync();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Searches options. After a reschedule the previous start is left out, so the interview moves;
    /// only when nothing else is free is the previous time offered again.
    /// </summary>
    private async Task<OptionSearchResult> FindAsync(int max)
    {
        var avoid = S.AvoidStart;
        var found = await OptionFinder.FindAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!, S.Window ?? S.Spec!.Window, avoid is null ? max : max + 1, _time.GetUtcNow());
        if (avoid is null || found.Options.Count == 0)
        {
            return found;
        }

        var moved = found.Options.Where(o => EngineMapping.ToDateTimeOffset(o.Stages[0].Start) != avoid).Take(max).ToList();
        return found with { Options = moved.Count > 0 ? moved : [.. found.Options.Take(max)] };
    }

    private static List<ScheduledStageView> ToStages(ScheduleOption option) =>
        [.. option.Stages.Select(s => new ScheduledStageView(s.Name, EngineMapping.ToDateTimeOffset(s.Start), EngineMapping.ToDateTimeOffset(s.End), [.. s.InterviewerIds]))];

    private static string JsonNamingPolicyCamel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private void Fail(RequestStatus status, string reason, string? code, string? participant)
    {
        S.Target = null;
        Transition(status, reason, code, participant);
        AnnounceWithdrawn(reason);
        if (status == RequestStatus.NoAvailability)
        {
            AddNotice(NotificationKind.NoAvailability, NoticeAudience.Recruiter, S.History.Count, null, reason);
        }
    }

    private void Transition(RequestStatus status, string? reason, string? code = null, string? participant = null)
    {
        S.Status = status;
        var keepsReason = status is RequestStatus.NoAvailability or RequestStatus.Failed or RequestStatus.Cancelled;
        S.Reason = keepsReason ? reason : null;
        S.ReasonCode = keepsReason ? code : null;
        S.ReasonParticipantId = keepsReason ? participant : null;
        S.History.Add(new StatusChange(status, _time.GetUtcNow(), reason));
        _log.Transitioned(this.GetPrimaryKeyString(), status);
    }

    private async Task PersistAsync()
    {
        S.Version++;
        S.UpdatedAt = _time.GetUtcNow();
        await _state.WriteStateAsync();
        _view = BuildView();
        var spec = S.Spec!;
        await GrainFactory.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(Tenant, Id, S.CreatedAt))
            .Upsert(new RequestSummary(Id, spec.ExternalId, spec.CandidateId, S.Status, S.CreatedAt, S.UpdatedAt, S.Version));
    }

    private InterviewRequestView BuildView()
    {
        var spec = S.Spec!;
        return new InterviewRequestView(Id, spec.ExternalId, spec.CandidateId, S.Status, S.Reason, [.. S.Proposals], S.Booking, [.. S.History], S.Version)
        {
            Spec = spec,
            CreatedAt = S.CreatedAt,
            UpdatedAt = S.UpdatedAt,
            ReasonCode = S.ReasonCode,
            ReasonParticipantId = S.ReasonParticipantId,
            ConflictFlagged = S.ConflictFlagged,
            Offer = S.Offer?.ToView(spec.Stages[S.Offer.StageIndex].Name),
        };
    }

    private async Task StopReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
