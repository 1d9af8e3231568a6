using Scheduler.Grains.Calendars;
using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The video meetings of a booked request: made by each stage's host (<see cref="ConferenceHosts"/>); the first link
/// reported for a booked stage is kept on the booking (a later, different one is ignored), put into the notices and
/// shown to the stage's interviewers by the work turn.
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <inheritdoc />
    public async Task RecordConferenceLink(ConferenceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        await StoreConferenceLinkAsync(link);

        // Stored, or of no use: the account that reports it until told may stop (told only after the write, so a failed
        // write leaves it reporting). While a booking is still being made it is not told: the link may fit once it is.
        if (link.ReportedBy is { } account && (S.Spec is null || !RequestTransitions.InProgress(S.Status)))
        {
            await GrainFactory.GetGrain<ICalendarAccountGrain>(account).ConferenceLinkRecorded(this.GetPrimaryKeyString(), link.StageStart, link.Url);
        }
    }

    private async Task StoreConferenceLinkAsync(ConferenceLink link)
    {
        if (S.Booking is not { } booking
            || !Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !booking.Stages.Any(s => s.Start == link.StageStart && s.ConferenceUrl is null))
        {
            return;
        }

        S.Booking = booking with { Stages = WithLink(booking.Stages, link) };
        S.AnnouncedStages = WithLink(S.AnnouncedStages, link);
        foreach (var notice in S.NoticesToSend)
        {
            notice.Stages = WithLink(notice.Stages, link);
        }

        // The attendees were told without it (the calendar was slower than the wait): an updated invite carries it.
        if (S.Status == RequestStatus.Booked && S.AnnouncedSlot is { } slot
            && !S.NoticesToSend.Exists(n => n.Kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated))
        {
            S.NotifySequence++;
            AddNotice(NotificationKind.Updated, NoticeAudience.Attendees, S.NotifySequence, slot, "the link to its video meeting is below.");
        }

        // Every interviewer of the stage finds the link in their own calendar event, not only the host (sent by the work turn).
        var stage = S.Booking.Stages.First(s => s.Start == link.StageStart);
        S.LinksToShow = [.. S.LinksToShow.Union(stage.InterviewerIds, StringComparer.Ordinal)];
        await _store.SaveAsync();
        await StartWorkAsync();
    }

    /// <summary>Work: hands the booking's meeting links to the interviewers still to be told (<see cref="RequestState.LinksToShow"/>), each removed once told.</summary>
    private async Task ShowConferenceLinksAsync()
    {
        if (S.LinksToShow.Count == 0)
        {
            return;
        }

        var links = (S.Booking?.Stages ?? []).Where(s => s.ConferenceUrl is not null).Select(s => new ConferenceLink(s.Start, s.ConferenceUrl!)).ToList();
        var key = this.GetPrimaryKeyString();
        while (S.LinksToShow.Count > 0)
        {
            await GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, S.LinksToShow[0])).ShowConferenceLinks(key, links);
            S.LinksToShow.RemoveAt(0);
            await _store.SaveWorkAsync();
        }
    }

    private static List<ScheduledStageView> WithLink(IEnumerable<ScheduledStageView> stages, ConferenceLink link) =>
        [.. stages.Select(s => s.Start == link.StageStart ? s with { ConferenceUrl = link.Url } : s)];
}
