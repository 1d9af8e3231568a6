using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>The video meetings of a booked request: made by each stage's host (<see cref="ConferenceHosts"/>), their links kept on the booking.</summary>
public sealed partial class InterviewRequestGrain
{
    /// <inheritdoc />
    public async Task RecordConferenceLink(ConferenceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (S.Booking is not { } booking
            || !Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !booking.Stages.Any(s => s.Start == link.StageStart && s.ConferenceUrl != link.Url))
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

        await _store.SaveAsync();

        // Every interviewer of the stage finds the link in their own calendar event, not only the host.
        var links = S.Booking.Stages.Where(s => s.ConferenceUrl is not null).Select(s => new ConferenceLink(s.Start, s.ConferenceUrl!)).ToList();
        var key = this.GetPrimaryKeyString();
        var stage = S.Booking.Stages.First(s => s.Start == link.StageStart);
        await Task.WhenAll(stage.InterviewerIds.Select(id => GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id)).ShowConferenceLinks(key, links)));
        if (S.NoticesToSend.Count > 0)
        {
            await StartWorkAsync(); // a notice waiting for this link goes now if it was the last one
        }
    }

    private static List<ScheduledStageView> WithLink(IEnumerable<ScheduledStageView> stages, ConferenceLink link) =>
        [.. stages.Select(s => s.Start == link.StageStart ? s with { ConferenceUrl = link.Url } : s)];
}
