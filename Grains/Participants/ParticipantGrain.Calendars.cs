namespace Scheduler.Grains.Participants;

/// <summary>The participant's side of calendar push notifications (<see cref="ICalendarReaderGrain"/>).</summary>
public sealed partial class ParticipantGrain : ICalendarReaderGrain
{
    private readonly HashSet<(string RequestId, TimeRange Interval)> _reportedConflicts = [];

    /// <inheritdoc />
    public async Task CalendarChanged(CalendarChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var profile = S.Profile;
        if (profile is null || !profile.Calendars.Any(c => c.Provider == change.Provider && c.AccountId == change.AccountId))
        {
            return;
        }

        _busy.Invalidate(change.Provider);
        var now = _time.GetUtcNow();
        var (_, participantId) = GrainKeys.Split(GetPrimaryKeyString());
        var upcoming = S.Bookings.SelectMany(b => b.Intervals.Select(i => (b.RequestId, Interval: i))).Where(x => x.Interval.End > now);
        foreach (var (requestId, interval) in upcoming)
        {
            var conflict = change.Busy.FirstOrDefault(b => b.Overlaps(interval));
            if (conflict is null || !_reportedConflicts.Add((requestId, conflict)))
            {
                continue;
            }

            ParticipantCalendarLog.ConflictFound(_log, GetPrimaryKeyString(), requestId, conflict.Start, conflict.End);
            await GrainFactory.GetGrain<IInterviewRequestGrain>(requestId)
                .NotifyConflict(new ConflictNotice(participantId, conflict, $"A {change.Provider} calendar event now overlaps the interview."));
        }
    }

    /// <summary>
    /// Mirrors an interviewer's booking into each connected calendar account it reads (one-way; the
    /// account stores the write and retries it): the booked intervals, or none to delete the events.
    /// Candidates' bookings (which do not count toward caps) are not written.
    /// </summary>
    private async Task MirrorBookingAsync(string requestId, IReadOnlyList<TimeRange> intervals, bool countsTowardCaps)
    {
        if (!countsTowardCaps || S.Profile is not { } profile)
        {
            return;
        }

        var (tenant, _) = GrainKeys.Split(GetPrimaryKeyString());
        var (_, localRequestId) = GrainKeys.Split(requestId);
        var accounts = profile.Calendars.Where(c => !string.IsNullOrEmpty(c.AccountId)).DistinctBy(c => (c.Provider, c.AccountId));
        foreach (var calendar in accounts)
        {
            var account = GrainFactory.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, calendar.Provider, calendar.AccountId!));
            await account.WriteInterviewEvent(new InterviewEventWrite(requestId, GetPrimaryKeyString(), calendar.CalendarIds.FirstOrDefault() ?? string.Empty, intervals, $"Interview ({localRequestId})"));
        }
    }
}
