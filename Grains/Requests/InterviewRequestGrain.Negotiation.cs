using Scheduler.Grains.Notifications;
using Scheduler.Grains.Pools;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Negotiation (DESIGN.md §3): the search for options, proposals, and booking rounds through holds in participant-key
/// order, with bounded fresh searches when options are taken; and how a search that finds nothing settles the request.
/// </summary>
public sealed partial class InterviewRequestGrain
{
    private const string SelectionTaken = "The selected option was taken; new proposals are ready.";

    private const string NewTimeNote = "A new time is being arranged; you will be told once it is set.";

    private async Task NegotiateAsync()
    {
        if (await TryHintAsync() || await SearchAsync(null) is not { } found)
        {
            return;
        }

        S.Target = EngineMapping.ToStages(found.Options[0]);
        _store.Move(RequestTrigger.OptionsFound, null);
        await _store.SaveAsync();
        await BookAsync([.. found.Options.Select(EngineMapping.ToStages)], found);
    }

    /// <summary>
    /// Searches options. Returns them when they are to be booked (auto-book mode); otherwise settles the request and
    /// returns <see langword="null"/>: Failed or NoAvailability when nothing was found, Proposed in propose mode or when
    /// the candidate asked for another time (<see cref="RequestPhase.CandidateChoice"/>), with <paramref name="proposalReason"/> in the history.
    /// </summary>
    private async Task<OptionSearchResult?> SearchAsync(string? proposalReason)
    {
        var spec = S.Spec!;
        var propose = spec.Mode == SchedulingMode.Propose || S.Phase == RequestPhase.CandidateChoice;
        var found = await FindAsync(propose ? spec.MaxProposals : RequestSettings.OptionsPerAttempt);
        if (found.Error is not null)
        {
            await FailAsync(RequestTrigger.Failed, found.Error, found.ErrorCode, found.ErrorParticipant);
            return null;
        }

        if (found.NoAvailability is { } none)
        {
            await FailAsync(RequestTrigger.NoAvailability, none.Message, CamelCase(none.Reason.ToString()), none.ParticipantId, none.StageName);
            return null;
        }

        if (propose)
        {
            await ProposeAsync(found, proposalReason);
            return null;
        }

        return found;
    }

    /// <summary>
    /// Tries options in order until one is booked or offered; after a round of refusals, searches again (bounded).
    /// <paramref name="offerInitial"/> is <see langword="false"/> when the initial options already have their
    /// first-to-accept seats decided; options of a fresh search are always offered when a first-to-accept pool applies.
    /// When such a decided option is refused, every attendee's hold of it is released (an offer's holds included).
    /// </summary>
    private async Task BookAsync(IReadOnlyList<List<ScheduledStageView>> initial, OptionSearchResult? search = null, bool offerInitial = true)
    {
        var candidates = initial;
        var offering = offerInitial;
        for (var attempt = 1; attempt <= RequestSettings.MaxAttempts; attempt++)
        {
            if (candidates.Count == 0)
            {
                search = await SearchAsync(SelectionTaken);
                if (search is null)
                {
                    return;
                }

                candidates = [.. search.Options.Select(EngineMapping.ToStages)];
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

                // The option is stored before its first confirmation (S.Target is this option by then): a crash between
                // confirmations leaves bookings only of the stored target, which the resumed request retries or cancels.
                if (offered is null && await HoldTaker.TryBookAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!, option, _store.SaveWorkAsync) is { } hosted)
                {
                    await BookedAsync(option, hosted, search);
                    return;
                }

                if (!offering)
                {
                    // Seats decided by an offer: its holds (10 min) may still stand on attendees after the one who
                    // refused, whom the refusal's cancellation did not reach.
                    await HoldTaker.ReleaseAllAsync(GrainFactory, Tenant, this.GetPrimaryKeyString(), S.Spec!.CandidateId, option);
                }

                _log.OptionRefused(this.GetPrimaryKeyString(), option[0].Start, attempt);
            }

            candidates = [];
        }

        await FailAsync(RequestTrigger.NoAvailability, $"Every option found in {RequestSettings.MaxAttempts} attempts was taken by other requests.", "takenByOtherRequests", null);
    }

    private async Task BookedAsync(List<ScheduledStageView> option, IReadOnlyList<DateTimeOffset> conferenceStarts, OptionSearchResult? search)
    {
        var now = _time.GetUtcNow();

        // The complete reminder is registered before the booking is written: should the write fail, the reminder
        // finds the request not booked and stops; the other order could leave a booked request that never completes.
        await this.RegisterOneShotReminder(RequestSettings.CompleteReminder, option[^1].End - now);
        S.Booking = new BookingView(option, now);
        S.AvoidStart = null;
        S.Target = null;
        S.Offer = null;
        S.Proposals = [];
        S.ConferenceStarts = [.. conferenceStarts];
        AnnounceBooked(option);
        PrepMoved();
        _store.Move(RequestTrigger.Booked, search is null ? null : StaleCalendarNotes.Summary(search.StaleCalendars, [S.Spec!.CandidateId, .. option.SelectMany(s => s.InterviewerIds)]));
        await _store.SaveAsync();
        if (search is null)
        {
            return;
        }

        foreach (var (poolId, members) in search.PoolMembers)
        {
            var picked = option.SelectMany(s => s.InterviewerIds).Where(members.Contains).Distinct(StringComparer.Ordinal).ToArray();
            await GrainFactory.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, poolId)).RecordPicked(picked);
        }
    }

    private async Task ProposeAsync(OptionSearchResult found, string? reason)
    {
        var candidate = S.Spec!.CandidateId;
        S.Proposals = [.. found.Options.Select(o => new ProposalView(
            $"p{++S.ProposalCounter}",
            Math.Round(o.Score, 3),
            [.. o.Reasons.Select(r => new ScoreReasonView(r.Code, Math.Round(r.Points, 3), r.Description)),
                .. StaleCalendarNotes.Reasons(found.StaleCalendars, [candidate, .. o.Stages.SelectMany(s => s.InterviewerIds)])],
            EngineMapping.ToStages(o)))];
        S.Target = null;
        _store.Move(RequestTrigger.ProposalsFound, reason);

        // After a reschedule the released time must leave the attendees' calendars while the candidate chooses.
        if (S.AnnouncedSlot is not null)
        {
            AnnounceWithdrawn(NewTimeNote);
        }

        AddNotice(NotificationKind.ProposalsReady, NoticeAudience.CandidateAndRecruiter, S.History.Count, null, reason, proposals: S.Proposals);
        await _store.SaveAsync();
    }

    /// <summary>Settles the request as Failed or NoAvailability: the slot attendees were told about is withdrawn, and the recruiter told of no availability.</summary>
    private async Task FailAsync(RequestTrigger trigger, string reason, string? code, string? participant, string? stage = null)
    {
        S.Target = null;
        _store.Move(trigger, reason, code: code, participant: participant, stage: stage);
        AnnounceWithdrawn(reason);
        if (trigger == RequestTrigger.NoAvailability)
        {
            AddNotice(NotificationKind.NoAvailability, NoticeAudience.Recruiter, S.History.Count, null, reason);
        }

        await _store.SaveAsync();
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

    private static string CamelCase(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
