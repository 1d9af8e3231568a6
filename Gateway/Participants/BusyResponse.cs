namespace Scheduler.Gateway.Participants;

/// <summary>A participant's busy time: <c>{intervals:[{start,end,source}], fetchedAt, stale, calendars:[{calendar,provider,lastReadAt,stale,reason}]}</c>.</summary>
/// <param name="Intervals">Busy intervals overlapping the range, ordered by start, unbuffered.</param>
/// <param name="FetchedAt">When the oldest calendar data used was read (UTC; the time of the answer without calendars); <see langword="null"/> when no calendar could be read yet.</param>
/// <param name="Stale">Whether some calendar's data was stale (see <paramref name="Calendars"/>).</param>
/// <param name="Calendars">One entry per configured calendar, in profile order: when it was last read, whether the answer used stale data, and why.</param>
public sealed record BusyResponse(IReadOnlyList<BusyIntervalResponse> Intervals, DateTimeOffset? FetchedAt, bool Stale, IReadOnlyList<CalendarReadStatus> Calendars);
