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
        var upcoming = S.Bookings.SelectMany(b => b.Intervals.Select(i => (b.RequestId, Interval: i))).Where(x => x.Interval.End > now).ToArray();
        if (upcoming.Length == 0)
        {
            return;
        }

        var range = new TimeRange(upcoming.Min(x => x.Interval.Start), upcoming.Max(x => x.Interval.End));
        var (busy, _, _) = await _busy.GetAsync(GetPrimaryKeyString(), profile, S.Blocks, range, CancellationToken.None);
        var calendarBusy = busy.Where(b => b.Source == BusySourceKind.Calendar).Select(b => new TimeRange(b.Start, b.End)).ToArray();
        var (_, participantId) = GrainKeys.Split(GetPrimaryKeyString());
        foreach (var (requestId, interval) in upcoming)
        {
            // An event exactly on the booked interval is the interview's own calendar event, not a conflict.
            var conflict = calendarBusy.FirstOrDefault(b => b.Overlaps(interval) && b != interval);
            if (conflict is null || !_reportedConflicts.Add((requestId, conflict)))
            {
                continue;
            }

            ParticipantCalendarLog.ConflictFound(_log, GetPrimaryKeyString(), requestId, conflict.Start, conflict.End);
            await GrainFactory.GetGrain<IInterviewRequestGrain>(requestId)
                .NotifyConflict(new ConflictNotice(participantId, conflict, $"A {change.Provider} calendar event now overlaps the interview."));
        }
    }
}
