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

        await _store.SaveAsync();
        if (S.NoticesToSend.Count > 0)
        {
            await StartWorkAsync(); // a notice waiting for this link goes now if it was the last one
        }
    }

    private static List<ScheduledStageView> WithLink(IEnumerable<ScheduledStageView> stages, ConferenceLink link) =>
        [.. stages.Select(s => s.Start == link.StageStart ? s with { ConferenceUrl = link.Url } : s)];
}
