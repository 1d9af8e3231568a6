using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Participants;

/// <summary>
/// The participant's side of calendar changes: push notifications (<see cref="ICalendarReaderGrain"/>) and re-reads of
/// calendars read as events (ics, CalDAV) find events that overlap a booking, and tell its request, or that overlap a
/// hold, and drop it so that its confirmation checks the calendars again.
/// </summary>
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
        await ForeignEventsFoundAsync(change.Busy.Select(b => (b, $"A {change.Provider} calendar event now overlaps the interview.")), copiesPossible: false);
    }

    /// <summary>
    /// What a push or poll (<see cref="CalendarChanged"/>) or a read of calendars read as events (<see cref="ReadBusyAsync"/>)
    /// found: busy intervals known not to be events Scheduler wrote. A live hold they overlap is dropped (<see cref="DropHoldsOverAsync"/>),
    /// so that its confirmation checks the calendars again and refuses instead of booking over the event; the request of an
    /// upcoming booking they overlap is told (<see cref="ReportConflictsAsync"/>). With <paramref name="copiesPossible"/>, an
    /// interval at exactly a booked interval's times is taken for a copy of the interview (<see cref="IsBookedInterval"/>)
    /// and changes nothing.
    /// </summary>
    /// <param name="busy">Busy intervals known not to be events Scheduler wrote (by event id or UID), each with the sentence the request records.</param>
    /// <param name="copiesPossible">Whether the intervals may hold a copy of the interview under a UID that is not Scheduler's.</param>
    private async Task ForeignEventsFoundAsync(IEnumerable<(TimeRange Interval, string Reason)> busy, bool copiesPossible)
    {
        if (S.Bookings.Count == 0 && S.Holds.Count == 0)
        {
            return;
        }

        var found = busy.Where(b => !copiesPossible || !IsBookedInterval(b.Interval.Start, b.Interval.End)).ToList();
        if (found.Count == 0)
        {
            return;
        }

        await DropHoldsOverAsync([.. found.Select(b => b.Interval)]);
        await ReportConflictsAsync(found);
    }

    /// <summary>
    /// Drops every live hold that overlaps one of <paramref name="events"/> and stores the state when one was dropped. The
    /// hold was granted before the event was known; without it, <see cref="ConfirmHold"/> checks the intervals again
    /// against the calendars (which the change made due for a re-read) and refuses, and the request tries its next option.
    /// The hold's request is not told: a hold is no booking.
    /// </summary>
    private async Task DropHoldsOverAsync(IReadOnlyList<TimeRange> events)
    {
        var now = time.GetUtcNow();
        var overtaken = LiveHolds(now).Where(h => h.Intervals.Any(i => events.Any(e => e.Overlaps(i)))).ToList();
        if (overtaken.Count == 0)
        {
            return;
        }

        foreach (var hold in overtaken)
        {
            S.Holds.Remove(hold);
            ParticipantCalendarLog.HoldDropped(log, this.GetPrimaryKeyString(), hold.RequestId);
        }

        await PersistAsync();
    }

    /// <summary>
    /// Tells the request of each upcoming booking that a busy interval overlaps (one-way, <see cref="IInterviewRequestGrain.NotifyConflict"/>),
    /// once per booking and interval in this activation; the request follows its conflict policy.
    /// </summary>
    /// <param name="found">Busy intervals known to be other events than the interviews, each with the sentence the request records.</param>
    private async Task ReportConflictsAsync(IReadOnlyList<(TimeRange Interval, string Reason)> found)
    {
        var now = time.GetUtcNow();
        var upcoming = S.Bookings.SelectMany(b => b.Intervals.Select(i => (b.RequestId, Interval: i))).Where(x => x.Interval.End > now).ToList();
        if (upcoming.Count == 0)
        {
            return;
        }

        var (_, participantId) = GrainKeys.Split(this.GetPrimaryKeyString());
        foreach (var (requestId, interval) in upcoming)
        {
            var (conflict, reason) = found.FirstOrDefault(b => b.Interval.Overlaps(interval));
            if (conflict is null || !_reportedConflicts.Add((requestId, conflict)))
            {
                continue;
            }

            ParticipantCalendarLog.ConflictFound(log, this.GetPrimaryKeyString(), requestId, conflict.Start, conflict.End);
            await GrainFactory.GetGrain<IInterviewRequestGrain>(requestId).NotifyConflict(new ConflictNotice(participantId, conflict, reason));
        }
    }

    /// <summary>
    /// Mirrors an interviewer's booking into each connected calendar account it reads and into its
    /// CalDAV calendars (one-way; the account or the CalDAV writer stores the write and retries it):
    /// the booked intervals, or none to delete the events.
    /// Candidates' bookings (which do not count toward caps) are not written.
    /// </summary>
    private async Task MirrorBookingAsync(ParticipantBooking booking)
    {
        if (!booking.CountsTowardCaps || S.Profile is not { } profile)
        {
            return;
        }

        var (_, localRequestId) = GrainKeys.Split(booking.RequestId);
        await EventMirror.WriteAsync(
            GrainFactory, this.GetPrimaryKeyString(), profile, booking.RequestId, booking.Intervals, $"Interview ({localRequestId})", booking.Conferencing, booking.HostedStarts, booking.ConferenceLinks);
    }

    /// <inheritdoc />
    public async Task ShowConferenceLinks(string requestId, IReadOnlyList<ConferenceLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var index = S.Bookings.FindIndex(b => b.RequestId == requestId);
        if (index < 0)
        {
            return;
        }

        var booking = S.Bookings[index];
        var known = links.Where(l => booking.Intervals.Any(i => i.Start == l.StageStart)).OrderBy(l => l.StageStart).ToList();
        if (known.SequenceEqual(booking.ConferenceLinks))
        {
            return;
        }

        S.Bookings[index] = booking = booking with { ConferenceLinks = known };
        await PersistAsync();
        await MirrorBookingAsync(booking);
    }

    /// <inheritdoc />
    /// <remarks>The passwords are revealed for the writer; one this silo cannot read is left out (the server then refuses the write, which is retried).</remarks>
    public Task<IReadOnlyList<CalendarSpec>> GetCalDavCalendars() =>
        Task.FromResult<IReadOnlyList<CalendarSpec>>([.. (S.Profile?.Calendars ?? []).Where(c => c.Provider == CalDavBusySource.ProviderName && c.Url is not null)
            .Select(c => c with { Password = RevealOrNull(c.Password) })]);

    private string? RevealOrNull(string? stored)
    {
        try
        {
            return CalDavPasswords.Reveal(stored, protector);
        }
        catch (CalendarSourceException)
        {
            return null;
        }
    }

    /// <summary>Tells the calendar accounts this participant no longer reads to stop counting it as a reader.</summary>
    private async Task ForgetDroppedAccountsAsync(IReadOnlyList<CalendarSpec> before, IReadOnlyList<CalendarSpec> after)
    {
        var (tenant, _) = GrainKeys.Split(this.GetPrimaryKeyString());
        var kept = after.Where(c => EventMirror.IsAccountId(c.AccountId)).Select(c => (c.Provider, c.AccountId)).ToHashSet();
        foreach (var (provider, accountId) in before.Where(c => EventMirror.IsAccountId(c.AccountId)).Select(c => (c.Provider, c.AccountId)).Distinct().Where(a => !kept.Contains(a)))
        {
            await GrainFactory.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, provider, accountId!)).RemoveReader(this.GetPrimaryKeyString());
        }
    }
}
