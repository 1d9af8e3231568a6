namespace Scheduler.Gateway.Web.Calendar;

/// <summary>
/// A participant's busy time for the pages, by source: what <c>GET /v1/participants/{id}/busy</c> answers
/// (<see cref="IParticipantGrain.GetBusy"/>: calendar events named by their calendar, blocks, bookings, live holds) and the
/// prep blocks of the plans made for the participant as candidate (<see cref="Grains.Prep.IPrepPlanGrain.Get"/> of each
/// booked request). The week calendar and a request's timeline both read through here.
/// </summary>
public static class BusyTimeReader
{
    /// <summary>Reads the entries overlapping a range.</summary>
    /// <param name="grains">The viewer's tenant.</param>
    /// <param name="participantId">The participant id (valid by <see cref="FieldRules.IsValidId"/>).</param>
    /// <param name="range">The range (UTC).</param>
    /// <returns>The entries, ordered by start; empty for an unknown participant.</returns>
    public static async Task<IReadOnlyList<CalendarEntry>> ReadAsync(TenantGrains grains, string participantId, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(range);
        var participant = grains.Participant(participantId);
        var busyTask = participant.GetBusy(range);
        var prepTask = PrepAsync(grains, participantId, range);
        var busy = await busyTask;
        var entries = busy.Intervals.Select(i => From(grains, i)).Concat(await prepTask);
        return [.. entries.OrderBy(e => e.Start).ThenBy(e => e.End)];
    }

    private static CalendarEntry From(TenantGrains grains, BusyInterval interval)
    {
        var requestId = interval.RequestId is null ? null : grains.ToLocalId(interval.RequestId);
        return interval.Source switch
        {
            BusySourceKind.Calendar => new CalendarEntry(interval.Start, interval.End, CalendarEntryKind.Calendar, interval.Calendar ?? "calendar"),
            BusySourceKind.Block => new CalendarEntry(interval.Start, interval.End, CalendarEntryKind.Block, interval.Title ?? "busy"),
            BusySourceKind.Booking => new CalendarEntry(interval.Start, interval.End, CalendarEntryKind.Booking, $"interview {requestId}", requestId),
            _ => new CalendarEntry(interval.Start, interval.End, CalendarEntryKind.Hold, $"hold for {requestId}", requestId),
        };
    }

    /// <summary>The prep blocks in the range of the plans whose candidate is the participant; a plan ends before its interview, so only bookings that end after the range starts can have one.</summary>
    private static async Task<IEnumerable<CalendarEntry>> PrepAsync(TenantGrains grains, string participantId, TimeRange range)
    {
        var bookings = await grains.Participant(participantId).ListBookings();
        var plans = await Task.WhenAll(bookings
            .Where(b => b.Intervals.Any(i => i.End > range.Start))
            .Select(b => grains.PrepPlan(grains.ToLocalId(b.RequestId)).Get()));
        return plans
            .Where(p => p is not null && p.Interview.CandidateId == participantId)
            .SelectMany(p => p!.Blocks.Where(range.Overlaps).Select(b => new CalendarEntry(b.Start, b.End, CalendarEntryKind.Prep, $"prep for {p.RequestId}", p.RequestId)));
    }
}
