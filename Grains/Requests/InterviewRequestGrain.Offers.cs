using Scheduler.Grains.Notifications;
using Scheduler.Grains.Pools;
using Scheduler.Scheduling.Participants;

namespace Scheduler.Grains.Requests;

/// <summary>
/// First-to-accept pools (<see cref="PoolStrategy.FirstToAccept"/>): instead of booking the engine's pick for the
/// pool's seat, the request holds everyone else, offers the seat to the pool's members free at that time, and books
/// the first member who accepts. The pool decides the winner and reports it one-way (<see cref="OfferAccepted"/>);
/// the request reads the decision back from the pool in its own work turn. While waiting, the <c>process</c> reminder
/// renews the holds and checks the offer; a one-shot <c>offer-expiry</c> reminder ends an unanswered offer, after which
/// the engine's pick is booked. See docs/WORKFLOW.md, "First-to-accept pools".
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <inheritdoc />
    public Task OfferAccepted(OfferAcceptance acceptance)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        if (S.Status == RequestStatus.Offered && S.Offer is { } offer && offer.OfferId == acceptance.OfferId && offer.PoolId == acceptance.PoolId)
        {
            _kick.Request();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Offers the first first-to-accept pool seat of <paramref name="option"/> (stages of the engine's option, with the
    /// engine's pick in the seat). Returns <see langword="null"/> when no offer applies (no such pool, offers lapsed this
    /// round, too little time before the interview): book the option as it is. Returns <see langword="false"/> when the
    /// other attendees could not be held or no member is free: try the next option. Returns <see langword="true"/> when
    /// the request is now <see cref="RequestStatus.Offered"/>.
    /// </summary>
    private async Task<bool?> TryOfferAsync(List<ScheduledStageView> option)
    {
        if (S.Phase == RequestPhase.OffersLapsed || await FindOfferSeatAsync() is not { } seat)
        {
            return null;
        }

        var spec = S.Spec!;
        var now = _time.GetUtcNow();
        var ttl = spec.PoolOfferMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : RequestSettings.OfferTtl;
        var expiresAt = Min(now + ttl, option[0].Start - RequestSettings.OfferLeadTime);
        var stage = option[seat.StageIndex];
        var pick = stage.InterviewerIds.FirstOrDefault(id => seat.Members.Contains(id) && !spec.Stages[seat.StageIndex].InterviewerIds.Contains(id));
        if (expiresAt - now < RequestSettings.MinOfferTime || pick is null)
        {
            return null;
        }

        var eligible = seat.Members.Where(m => m == pick || (m != spec.CandidateId && !stage.InterviewerIds.Contains(m))).ToList();
        var free = await FreeMembersAsync(eligible, new TimeRange(stage.Start, stage.End));
        if (free.Count == 0)
        {
            return false;
        }

        if (!await HoldOthersAsync(option, seat.StageIndex, pick))
        {
            return false;
        }

        S.Target = option;
        S.Offer = new OpenOffer
        {
            PoolId = seat.PoolId,
            OfferId = $"{Id}.o{++S.OfferCounter}",
            StageIndex = seat.StageIndex,
            Slot = new TimeRange(stage.Start, stage.End),
            Members = free,
            EnginePick = pick,
            ExpiresAt = expiresAt,
        };
        _store.Move(RequestTrigger.OfferSent, $"Offer sent to {free.Count} members of pool {seat.PoolId} for stage {stage.Name}; open until {expiresAt:O}.");
        await _store.SaveAsync();
        await ContinueOfferAsync();
        return true;
    }

    /// <summary>
    /// The work turn of an <see cref="RequestStatus.Offered"/> request: makes sure the pool has the offer, the members
    /// were messaged and the expiry reminder exists (each idempotent, so a crash between them repeats nothing), then
    /// books the winner, ends an expired offer, or renews the holds of the other attendees.
    /// </summary>
    private async Task ContinueOfferAsync()
    {
        var offer = S.Offer!;
        var pool = GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, offer.PoolId));
        OfferView view;
        try
        {
            view = await pool.GetOffer(offer.OfferId) ?? await pool.Offer(new OfferSpec(offer.OfferId, Id, offer.Slot, offer.Members));
        }
        catch (ArgumentException)
        {
            // Members left the pool between the search and the offer: search again with the pool as it is now.
            await NegotiateAgainAsync($"Pool {offer.PoolId} changed before the offer was made; negotiating again.");
            return;
        }
        if (view.Status == OfferStatus.Accepted)
        {
            await BookWinnerAsync(view.AcceptedBy!);
            return;
        }

        var now = _time.GetUtcNow();
        if (view.Status == OfferStatus.Withdrawn || now >= offer.ExpiresAt)
        {
            await OfferLapsedAsync();
            return;
        }

        if (!offer.Posted)
        {
            var due = offer.ExpiresAt - now;
            await this.RegisterOneShotReminder(RequestSettings.OfferExpiryReminder, due);
            if (_notifications is not null)
            {
                await GrainFactory.GetGrain<IPoolOfferMessagesGrain>(MessagesKey(offer.PoolId, offer.OfferId)).Post(OfferTitle(S.Spec!.Stages[offer.StageIndex].Name, S.Spec.ExternalId ?? Id));
            }

            offer.Posted = true;
            await _store.SaveWorkAsync();
            return;
        }

        if (!await HoldOthersAsync(S.Target!, offer.StageIndex, offer.EnginePick))
        {
            await NegotiateAgainAsync("The held slot was lost while the offer was open; negotiating again.");
        }
    }

    /// <summary>A member won: book the option with the winner in the seat; when the winner (or anyone) cannot be held any more, negotiate again.</summary>
    private async Task BookWinnerAsync(string winner)
    {
        var offer = S.Offer!;
        var final = WithSeat(S.Target!, offer.StageIndex, offer.EnginePick, winner);
        S.Offer = null;
        S.Target = final;
        _store.Move(RequestTrigger.OfferAccepted, $"{winner} accepted the offer of pool {offer.PoolId}.", RequestPhase.SeatDecided);
        await _store.SaveAsync();
        await this.StopReminderAsync(RequestSettings.OfferExpiryReminder);
        if (await HoldTaker.TryBookAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!, final) is { } hosted)
        {
            await BookedAsync(final, hosted, null);
            return;
        }

        _log.OptionRefused(this.GetPrimaryKeyString(), final[0].Start, 0);
        await HoldTaker.ReleaseAllAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!.CandidateId, final);
        S.Target = null;
        _store.Move(RequestTrigger.Renegotiated, $"{winner} accepted but the slot could no longer be held for everyone; negotiating again.");
        await _store.SaveAsync();
        await BookAsync([]);
    }

    /// <summary>Nobody accepted in time (or the offer was withdrawn): withdraw it and book the engine's pick; a refusal leads to a fresh round filled by the engine.</summary>
    private async Task OfferLapsedAsync()
    {
        var offer = S.Offer!;
        if (await WithdrawOrBookWinnerAsync(offer))
        {
            return;
        }

        S.Offer = null;
        _store.Move(RequestTrigger.OfferLapsed, $"Nobody accepted the offer of pool {offer.PoolId} by {offer.ExpiresAt:O}; booking the engine's pick {offer.EnginePick}.", RequestPhase.OffersLapsed);
        await _store.SaveAsync();
        await this.StopReminderAsync(RequestSettings.OfferExpiryReminder);
        await BookAsync([S.Target!], null, offerInitial: false);
    }

    /// <summary>The slot was lost: withdraw the offer, release the holds, and start a new round (new search, new offer).</summary>
    private async Task NegotiateAgainAsync(string reason)
    {
        if (await WithdrawOrBookWinnerAsync(S.Offer!))
        {
            return;
        }

        await HoldTaker.ReleaseAllAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!.CandidateId, S.Target ?? []);
        S.Offer = null;
        S.Target = null;
        _store.Move(RequestTrigger.Renegotiated, reason);
        await _store.SaveAsync();
        await this.StopReminderAsync(RequestSettings.OfferExpiryReminder);
        await BookAsync([]);
    }

    /// <summary>
    /// Withdraws the open offer from its pool. When a member accepted it meanwhile, books that member instead and answers
    /// <see langword="true"/>; otherwise updates the members' messages ("no longer offered") and answers <see langword="false"/>.
    /// </summary>
    private async Task<bool> WithdrawOrBookWinnerAsync(OpenOffer offer)
    {
        var view = await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, offer.PoolId)).WithdrawOffer(offer.OfferId);
        if (view is { Status: OfferStatus.Accepted, AcceptedBy: { } winner })
        {
            await BookWinnerAsync(winner);
            return true;
        }

        await RefreshOfferMessagesAsync(offer.PoolId, offer.OfferId);
        return false;
    }

    /// <summary>Cancel or reschedule while offered: the offer is withdrawn in the next work turn (durably queued here).</summary>
    private void DropOffer()
    {
        if (S.Offer is { } offer)
        {
            S.OffersToWithdraw.Add($"{offer.PoolId}/{offer.OfferId}");
            S.Offer = null;
        }
    }

    /// <summary>Withdraws queued offers from their pools and updates their members' messages ("no longer offered").</summary>
    private async Task WithdrawQueuedOffersAsync()
    {
        if (S.OffersToWithdraw.Count == 0)
        {
            return;
        }

        await this.StopReminderAsync(RequestSettings.OfferExpiryReminder);
        while (S.OffersToWithdraw.Count > 0)
        {
            var entry = S.OffersToWithdraw[0];
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var (poolId, offerId) = (entry[..slash], entry[(slash + 1)..]);
            await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, poolId)).WithdrawOffer(offerId);
            await RefreshOfferMessagesAsync(poolId, offerId);
            S.OffersToWithdraw.RemoveAt(0);
            await _store.SaveWorkAsync();
        }
    }

    private async Task RefreshOfferMessagesAsync(string poolId, string offerId)
    {
        if (_notifications is not null)
        {
            await GrainFactory.GetGrain<IPoolOfferMessagesGrain>(MessagesKey(poolId, offerId)).Refresh();
        }
    }

    private string MessagesKey(string poolId, string offerId) => GrainKeys.For(Tenant, poolId) + "/" + offerId;

    /// <summary>The first stage pool of the request with strategy first-to-accept and a count of 1, with the pool's members.</summary>
    private async Task<OfferSeat?> FindOfferSeatAsync()
    {
        var stages = S.Spec!.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            foreach (var requirement in stages[i].Pools.Where(p => p.Count == 1))
            {
                var pool = await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, requirement.PoolId)).Get();
                if (pool is { Strategy: PoolStrategy.FirstToAccept })
                {
                    return new OfferSeat(i, requirement.PoolId, pool.Members);
                }
            }
        }

        return null;
    }

    /// <summary>Which of <paramref name="memberIds"/> are free for <paramref name="slot"/>: the engine's own free-time rule (working hours, busy widened by buffers, other requests' holds and bookings, caps).</summary>
    private async Task<List<string>> FreeMembersAsync(IReadOnlyList<string> memberIds, TimeRange slot)
    {
        var window = S.Window ?? S.Spec!.Window;
        var query = new AvailabilityInputQuery(window, this.GetPrimaryKeyString());
        var data = await Task.WhenAll(memberIds.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id)).GetAvailabilityInput(query)));
        var interval = EngineMapping.ToInterval(slot);
        return [.. data
            .Where(d => d.Exists && ParticipantAvailability.FreeIntervals(EngineMapping.ToEngineInput(d), EngineMapping.ToInterval(window)).Contains(interval))
            .Select(d => d.ParticipantId)];
    }

    /// <summary>Holds (or renews the holds of) everyone attending <paramref name="option"/> but the seat's engine pick, for <see cref="RequestSettings.OfferHoldTtl"/>.</summary>
    private Task<bool> HoldOthersAsync(List<ScheduledStageView> option, int stageIndex, string pick)
    {
        var key = this.GetPrimaryKeyString();
        List<ScheduledStageView> others = [.. option.Select((s, i) => i == stageIndex ? s with { InterviewerIds = [.. s.InterviewerIds.Where(id => id != pick)] } : s)];
        return HoldTaker.TryHoldAllAsync(GrainFactory, key, HoldTaker.Plan(Tenant, key, S.Spec!.CandidateId, others, ttl: RequestSettings.OfferHoldTtl));
    }

    private static List<ScheduledStageView> WithSeat(List<ScheduledStageView> option, int stageIndex, string pick, string winner) =>
        [.. option.Select((s, i) => i == stageIndex
            ? s with { InterviewerIds = [.. s.InterviewerIds.Select(id => id == pick ? winner : id).Distinct(StringComparer.Ordinal)] }
            : s)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private sealed record OfferSeat(int StageIndex, string PoolId, IReadOnlyList<string> Members);

    /// <summary>
    /// What a pool offer is called in its messages and on its link's page, <c>Interview: {stage} ({externalId or request id})</c>,
    /// at most 200 characters; it names no candidate, since the offer goes to members who may not take it.
    /// </summary>
    /// <param name="stageName">The offered seat's stage.</param>
    /// <param name="requestName">The request's external id, or its id.</param>
    /// <returns>The title.</returns>
    internal static string OfferTitle(string stageName, string requestName)
    {
        var title = $"Interview: {stageName} ({requestName})";
        return title.Length > 200 ? title[..200] : title;
    }
}
