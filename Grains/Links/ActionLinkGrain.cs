using Orleans.Concurrency;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Links;

/// <summary>
/// Answers action links (<see cref="IActionLinkGrain"/>): the token is read with <see cref="ActionLinks"/>, and the request
/// or pool it names is the authority on whether the action can still be taken. A proposal's link is
/// <see cref="ActionLinkState.Open"/> while the request is proposed and the proposal current; an offer's link while the
/// offer is open and the member one of its recipients; a reschedule link while the request allows the candidate to ask
/// for another time for that booking (<see cref="IInterviewRequestGrain.GetCandidateReschedule"/>).
/// </summary>
/// <param name="links">Reads tokens.</param>
[StatelessWorker, GrainType("actionlink")]
public sealed class ActionLinkGrain(ActionLinks links) : Grain, IActionLinkGrain
{
    private static readonly ActionLinkView Invalid =
        new(null, ActionLinkState.Invalid, "This link is not valid: it has expired or was changed. Use the newest message you were sent.");

    /// <inheritdoc />
    public async Task<ActionLinkView> Read(string token) => links.Read(token) switch
    {
        { Kind: ActionLinkKind.ChooseProposal } link => await DescribeProposalAsync(link),
        { Kind: ActionLinkKind.AcceptPoolOffer } link => await DescribeOfferAsync(link, null),
        { Kind: ActionLinkKind.RescheduleBooking } link => await DescribeRescheduleAsync(link, act: false),
        _ => Invalid,
    };

    /// <inheritdoc />
    public async Task<ActionLinkView> Act(string token)
    {
        switch (links.Read(token))
        {
            case { Kind: ActionLinkKind.ChooseProposal } link:
                var view = await DescribeProposalAsync(link);
                if (view.State != ActionLinkState.Open)
                {
                    return view;
                }

                var outcome = await GrainFactory.GetGrain<IInterviewRequestGrain>(link.TargetKey).Select(link.Item);
                return outcome.Error == CommandError.None
                    ? view with { State = ActionLinkState.Done, Message = "Thank you. This time is being booked; the calendar invite follows by email." }
                    : await DescribeProposalAsync(link);
            case { Kind: ActionLinkKind.AcceptPoolOffer } link:
                var pool = GrainFactory.GetGrain<IInterviewerPoolGrain>(link.TargetKey);
                var accepted = await pool.Accept(link.Item, link.Person);
                await GrainFactory.GetGrain<IPoolOfferMessagesGrain>(link.TargetKey + "/" + link.Item).Refresh();
                return await DescribeOfferAsync(link, accepted.Offer);
            case { Kind: ActionLinkKind.RescheduleBooking } link:
                return await DescribeRescheduleAsync(link, act: true);
            default:
                return Invalid;
        }
    }

    private async Task<ActionLinkView> DescribeProposalAsync(ActionLink link)
    {
        var request = await GrainFactory.GetGrain<IInterviewRequestGrain>(link.TargetKey).Get();
        if (request?.Spec is not { } spec || request.CandidateId != link.Person)
        {
            return Invalid;
        }

        var candidate = await ProfileAsync(link.Tenant, link.Person);
        var proposal = request.Proposals.FirstOrDefault(p => p.Id == link.Item);
        var stages = proposal?.Stages ?? request.Booking?.Stages;
        var title = NoticeBuilder.Title(candidate?.DisplayName ?? link.Person, stages?.Select(s => s.Name) ?? spec.Stages.Select(s => s.Name));
        var zone = candidate?.TimeZone ?? "UTC";
        if (proposal is not null && request.Status == RequestStatus.Proposed)
        {
            return new(link.Kind, ActionLinkState.Open, "Book this time? Everyone taking part is held for it as soon as you confirm.", title, NoticeBuilder.SlotOf(proposal.Stages), zone);
        }

        // The latest selection only: an earlier choice whose booking failed was followed by new proposals.
        var chosen = InterviewRequestGrain.LastSelected(request.History) == link.Item;
        return request.Status switch
        {
            RequestStatus.Booking or RequestStatus.Offered when chosen => new(link.Kind, ActionLinkState.Done, "This time is being booked; the calendar invite follows by email.", title, null, zone),
            RequestStatus.Booked or RequestStatus.Completed when chosen && request.Booking is { } booking =>
                new(link.Kind, ActionLinkState.Done, "Your interview is booked for the time shown; the calendar invite was sent by email.", title, NoticeBuilder.SlotOf(booking.Stages), zone),
            RequestStatus.Proposed => new(link.Kind, ActionLinkState.Closed, "This time is no longer available. Newer times were sent to you; choose from the newest message.", title, null, zone),
            RequestStatus.Cancelled => new(link.Kind, ActionLinkState.Closed, "This interview was cancelled.", title, null, zone),
            _ => new(link.Kind, ActionLinkState.Closed, "This time can no longer be chosen; the interview has moved on. The newest message you were sent says where it stands.", title, null, zone),
        };
    }

    /// <summary>The request decides (<see cref="IInterviewRequestGrain.GetCandidateReschedule"/>); the page shows the booked time while it can still be released.</summary>
    private async Task<ActionLinkView> DescribeRescheduleAsync(ActionLink link, bool act)
    {
        var grain = GrainFactory.GetGrain<IInterviewRequestGrain>(link.TargetKey);
        var request = await grain.Get();
        if (request?.Spec is not { } spec || request.CandidateId != link.Person || !link.TryBookedStart(out var bookedStart))
        {
            return Invalid;
        }

        var booking = request.Booking;
        var answer = act ? await grain.RescheduleForCandidate(bookedStart) : await grain.GetCandidateReschedule(bookedStart);
        var candidate = await ProfileAsync(link.Tenant, link.Person);
        var title = NoticeBuilder.Title(candidate?.DisplayName ?? link.Person, booking?.Stages.Select(s => s.Name) ?? spec.Stages.Select(s => s.Name));
        var (state, slot) = answer.State switch
        {
            CandidateRescheduleState.Allowed => (ActionLinkState.Open, booking is null ? null : NoticeBuilder.SlotOf(booking.Stages)),
            CandidateRescheduleState.Asked => (ActionLinkState.Done, (TimeRange?)null),
            _ => (ActionLinkState.Closed, null),
        };
        return new(link.Kind, state, answer.Message, title, slot, candidate?.TimeZone ?? "UTC");
    }

    private async Task<ActionLinkView> DescribeOfferAsync(ActionLink link, OfferView? offer)
    {
        offer ??= await GrainFactory.GetGrain<IInterviewerPoolGrain>(link.TargetKey).GetOffer(link.Item);
        if (offer?.Recipients.FirstOrDefault(r => r.MemberId == link.Person) is not { } recipient)
        {
            return Invalid;
        }

        var member = await ProfileAsync(link.Tenant, link.Person);
        var title = await OfferTitleAsync(link.Tenant, offer);
        var zone = member?.TimeZone ?? "UTC";
        var (state, message) = offer.Status switch
        {
            OfferStatus.Open when recipient.Status == OfferStatus.Open => (ActionLinkState.Open, "Take this interview? The first member of the pool to accept it gets it."),
            OfferStatus.Accepted when offer.AcceptedBy == link.Person => (ActionLinkState.Done, "The interview is yours; the calendar invite follows by email."),
            OfferStatus.Accepted => (ActionLinkState.Closed, "Another member of the pool accepted this interview first."),
            _ => (ActionLinkState.Closed, "This offer was withdrawn; nobody needs to take it now."),
        };
        return new(link.Kind, state, message, title, offer.Slot, zone);
    }

    private async Task<string> OfferTitleAsync(string tenant, OfferView offer)
    {
        var request = await GrainFactory.GetGrain<IInterviewRequestGrain>(GrainKeys.For(tenant, offer.RequestId)).Get();
        var stage = request?.Offer?.StageName
            ?? request?.Booking?.Stages.FirstOrDefault(s => s.Start == offer.Slot.Start)?.Name
            ?? request?.Spec?.Stages[0].Name;
        return request is null || stage is null ? "Interview" : InterviewRequestGrain.OfferTitle(stage, request.ExternalId ?? request.Id);
    }

    private Task<ParticipantProfile?> ProfileAsync(string tenant, string id) =>
        GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetProfile();
}
