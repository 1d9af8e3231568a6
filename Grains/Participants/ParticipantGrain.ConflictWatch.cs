using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Participants;

/// <summary>
/// The calendar watch: a participant with an upcoming booking and a calendar whose provider pushes no changes (ics,
/// CalDAV: <see cref="Busy.IBusySource.PolledForConflicts"/>) re-reads its calendars every <see cref="ConflictWatchPeriod"/>
/// through a durable reminder, so an event added over a booked interview is found even when nobody else reads that
/// calendar (DESIGN.md §3: a conflicting change found by a refresh notifies the request). The reminder stops itself once
/// no booking is ahead or no such calendar is left.
/// </summary>
public sealed partial class ParticipantGrain : IRemindable
{
    /// <summary>The name of the watch reminder.</summary>
    internal const string ConflictWatchReminder = "calendar-watch";

    /// <summary>How often a watched participant's calendars are re-read: 30 min.</summary>
    internal static readonly TimeSpan ConflictWatchPeriod = TimeSpan.FromMinutes(30);

    /// <summary>How long after a watch tick the calendars are looked at again, so a read slower than the answer wait is checked as soon as it is in: 30 s.</summary>
    private static readonly TimeSpan WatchRecheck = TimeSpan.FromSeconds(30);

    private bool _watchRegistered;
    private IGrainTimer? _watchRecheck;

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ConflictWatchReminder)
        {
            return;
        }

        if (!NeedsConflictWatch(time.GetUtcNow()))
        {
            await this.StopReminderAsync(ConflictWatchReminder);
            _watchRegistered = false;
            return;
        }

        _watchRegistered = true;
        await CheckWatchedCalendarsAsync();
        _watchRecheck?.Dispose();
        _watchRecheck = this.RegisterGrainTimer(_ => CheckWatchedCalendarsAsync(), WatchRecheck, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Reads the calendars from now to the end of the last booking; reading reports what overlaps a booking (<see cref="ReadBusyAsync"/>).</summary>
    private async Task CheckWatchedCalendarsAsync()
    {
        var now = time.GetUtcNow();
        var ends = S.Bookings.SelectMany(b => b.Intervals).Select(i => i.End).Where(end => end > now).ToList();
        if (S.Profile is { } profile && ends.Count > 0)
        {
            await ReadBusyAsync(profile, new TimeRange(now, ends.Max()));
        }
    }

    /// <summary>Registers the watch when it is needed and this activation has not registered it; best effort (a failure is logged, and the next booking or profile write tries again).</summary>
    private async Task WatchForConflictsAsync()
    {
        if (_watchRegistered || !NeedsConflictWatch(time.GetUtcNow()))
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(ConflictWatchReminder, ConflictWatchPeriod, ConflictWatchPeriod);
            _watchRegistered = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ParticipantCalendarLog.WatchNotRegistered(log, exception, this.GetPrimaryKeyString());
        }
    }

    /// <summary>Whether <paramref name="start"/>–<paramref name="end"/> are exactly the times of one of this participant's booked intervals.</summary>
    private bool IsBookedInterval(DateTimeOffset start, DateTimeOffset end) =>
        S.Bookings.Exists(b => b.Intervals.Any(i => i.Start == start && i.End == end));

    /// <summary>
    /// Whether the interviews are written to a Google or Microsoft 365 calendar of <paramref name="profile"/>. Such an
    /// event has the provider's UID, not Scheduler's, so when the same calendar is also read through an ics or CalDAV
    /// address, the interview comes back as an event at exactly its times that the UID cannot tell from a conflict.
    /// </summary>
    private static bool WritesThroughAccounts(ParticipantProfile profile) =>
        profile.Calendars.Any(c => EventMirror.IsAccountId(c.AccountId));

    private bool NeedsConflictWatch(DateTimeOffset now) =>
        S.Profile is { } profile
        && profile.Calendars.Any(c => _busy.PolledForConflicts(c.Provider))
        && S.Bookings.Any(b => b.Intervals.Any(i => i.End > now));
}
