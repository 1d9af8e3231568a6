using Scheduler.Grains.Indexes;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The request grain's state and its one write path. Status changes go through <see cref="Move"/>, checked against
/// <see cref="RequestTransitions"/>; writes go through <see cref="SaveAsync"/> for what the view shows (version, time,
/// view, index) or <see cref="SaveWorkAsync"/> for bookkeeping it does not show (notices handed over, reminders
/// planned, releases and withdrawals done), which keeps the version, and so the ETag, as it was. A write that fails
/// drops the activation and rethrows (<see cref="StateWrites.WriteOrDeactivateAsync"/>): the next call reloads the state
/// from storage, so a command never answers from a change that was not stored.
/// </summary>
/// <param name="grain">The request grain (dropped when a write fails).</param>
/// <param name="state">The grain's durable state.</param>
/// <param name="time">The clock.</param>
/// <param name="log">The grain's logger.</param>
/// <param name="grains">The grain factory (for the request index).</param>
/// <param name="key">The grain key, <c>{tenant}/{requestId}</c>.</param>
internal sealed class RequestStore(IGrainBase grain, IPersistentState<RequestState> state, TimeProvider time, ILogger log, IGrainFactory grains, string key)
{
    private bool _moved;

    /// <summary>The state; change its status and phase only through <see cref="Move"/>.</summary>
    public RequestState State => state.State;

    /// <summary>The tenant.</summary>
    public string Tenant { get; } = GrainKeys.Split(key).Tenant;

    /// <summary>The request id (without tenant).</summary>
    public string Id { get; } = GrainKeys.Split(key).Id;

    /// <summary>The view as of the last <see cref="SaveAsync"/>; <see langword="null"/> before the request is submitted.</summary>
    public InterviewRequestView? View { get; private set; }

    /// <summary>The status; <see langword="null"/> before the request is submitted.</summary>
    public RequestStatus? Status => State.History.Count == 0 ? null : State.Status;

    /// <summary>Builds the view from stored state; call once on activation.</summary>
    public void Load() => View = State.Spec is null ? null : BuildView();

    /// <summary>Whether <paramref name="trigger"/> may fire now.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when <see cref="RequestTransitions"/> has the move from the current status.</returns>
    public bool Can(RequestTrigger trigger) => RequestTransitions.Allows(Status, trigger);

    /// <summary>
    /// Moves the request (in memory): the next status from the table, the phase, the reason (kept only by
    /// NoAvailability, Failed and Cancelled) and a history entry. Written by the next <see cref="SaveAsync"/>.
    /// </summary>
    /// <param name="trigger">What happened.</param>
    /// <param name="reason">Why, for the history (and the reason of the statuses that keep one).</param>
    /// <param name="phase">The sub-state of the new status.</param>
    /// <param name="code">A stable code for the reason.</param>
    /// <param name="participant">The participant the reason is about.</param>
    /// <param name="stage">The stage the reason is about.</param>
    /// <exception cref="RequestTransitionException">The table has no such move from the current status.</exception>
    /// <exception cref="ArgumentException"><paramref name="phase"/> does not belong to the new status.</exception>
    public void Move(RequestTrigger trigger, string? reason, RequestPhase phase = RequestPhase.None, string? code = null, string? participant = null, string? stage = null)
    {
        var status = RequestTransitions.Next(Status, trigger);
        if (!RequestTransitions.PhaseAllowed(status, phase))
        {
            throw new ArgumentException($"Phase {phase} does not belong to status {status}.", nameof(phase));
        }

        var keepsReason = status is RequestStatus.NoAvailability or RequestStatus.Failed or RequestStatus.Cancelled;
        State.Status = status;
        State.Phase = phase;
        State.Reason = keepsReason ? reason : null;
        State.ReasonCode = keepsReason ? code : null;
        State.ReasonParticipantId = keepsReason ? participant : null;
        State.ReasonStageName = keepsReason ? stage : null;
        State.History.Add(new StatusChange(status, time.GetUtcNow(), reason));
        _moved = true;
        log.Transitioned(key, status);
    }

    /// <summary>Leaves <paramref name="phase"/> within the same status (in memory; written with the next save).</summary>
    /// <param name="phase">The phase to leave.</param>
    /// <returns>Whether the request was in <paramref name="phase"/>.</returns>
    public bool Leave(RequestPhase phase)
    {
        if (State.Phase != phase || phase == RequestPhase.None)
        {
            return false;
        }

        State.Phase = RequestPhase.None;
        return true;
    }

    /// <summary>Writes a change the view shows: version + 1, the time, the state, then the view and the request index.</summary>
    /// <returns>A task that completes when the state is written and the index told.</returns>
    public Task SaveAsync() => WriteAsync(visible: true);

    /// <summary>Writes bookkeeping the view does not show; the version, and so the ETag, stay. After an unsaved <see cref="Move"/> it is a <see cref="SaveAsync"/>.</summary>
    /// <returns>A task that completes when the state is written.</returns>
    public Task SaveWorkAsync() => WriteAsync(visible: _moved);

    private async Task WriteAsync(bool visible)
    {
        if (!visible)
        {
            await WriteStateAsync();
            return;
        }

        State.Version++;
        State.UpdatedAt = time.GetUtcNow();
        await WriteStateAsync();
        _moved = false;
        View = BuildView();
        var spec = State.Spec!;
        await grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(Tenant, Id, State.CreatedAt))
            .Upsert(new RequestSummary(Id, spec.ExternalId, spec.CandidateId, State.Status, State.CreatedAt, State.UpdatedAt, State.Version)
            {
                InterviewerIds = [.. spec.Stages.SelectMany(s => s.InterviewerIds).Concat(State.Booking?.Stages.SelectMany(s => s.InterviewerIds) ?? []).Distinct(StringComparer.Ordinal)],
                PoolIds = [.. spec.Stages.SelectMany(s => s.Pools).Select(p => p.PoolId).Distinct(StringComparer.Ordinal)],
            });
    }

    /// <summary>Writes the state; when the write fails, the activation is dropped (its memory is ahead of storage) and the failure rethrown.</summary>
    private Task WriteStateAsync() => grain.WriteOrDeactivateAsync(() => state.WriteStateAsync(), exception => log.WriteFailed(exception, key));

    private InterviewRequestView BuildView()
    {
        var current = State;
        var spec = current.Spec!;
        return new InterviewRequestView(Id, spec.ExternalId, spec.CandidateId, current.Status, current.Reason, [.. current.Proposals], current.Booking, [.. current.History], current.Version)
        {
            Spec = spec,
            CreatedAt = current.CreatedAt,
            UpdatedAt = current.UpdatedAt,
            ReasonCode = current.ReasonCode,
            ReasonParticipantId = current.ReasonParticipantId,
            ReasonStageName = current.ReasonStageName,
            ConflictFlagged = current.Phase == RequestPhase.ConflictFlagged,
            Offer = current.Offer?.ToView(spec.Stages[current.Offer.StageIndex].Name),
        };
    }
}
