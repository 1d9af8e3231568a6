using NodaTime.Extensions;
using NodaTime;
using Scheduler.Gateway.Web.Requests;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Gateway.Web.Calendar;

/// <summary>
/// Lays a participant's entries and working time out on a week of local days in their zone: each interval is cut at local
/// midnights, and the hours shown run from the earliest to the latest thing of the week (at least 08:00–18:00). Each day's
/// axis is its wall clock (TZDB, NodaTime), so a piece runs from its local start to its local end. When the clocks go back
/// during a piece, its local end can be at or before its local start (it lies in, or ends in, the repeated hour); such a
/// piece is drawn from its local start for its real elapsed minutes, clipped to the end of the day, and at least a minute,
/// so nothing that takes time is left out. Its time text stays its local start and end.
/// </summary>
public static class WeekLayout
{
    private const int MinutesPerDay = 24 * 60;
    private const int DefaultFirstHour = 8;
    private const int DefaultLastHour = 18;

    /// <summary>The UTC range of a local week: from Monday's start of day to the next Monday's, in the zone.</summary>
    /// <param name="zoneId">The zone (IANA id or Windows name; unknown is UTC).</param>
    /// <param name="monday">The week's Monday.</param>
    /// <returns>The range; 167, 168 or 169 hours long across DST changes.</returns>
    public static TimeRange Range(string? zoneId, DateOnly monday)
    {
        var zone = TimeZones.ZoneOrUtc(zoneId);
        var first = monday.ToLocalDate();
        return new TimeRange(zone.AtStartOfDay(first).ToDateTimeOffset(), zone.AtStartOfDay(first.PlusDays(7)).ToDateTimeOffset());
    }

    /// <summary>The Monday of the week an instant falls in, in a zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zoneId">The zone (IANA id or Windows name; unknown is UTC).</param>
    /// <returns>The local Monday.</returns>
    public static DateOnly MondayOf(DateTimeOffset instant, string? zoneId) => MondayOf(Instant.FromDateTimeOffset(instant).InZone(TimeZones.ZoneOrUtc(zoneId)).Date.ToDateOnly());

    /// <summary>The Monday of the week of a date.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The Monday on or before it.</returns>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Lays the week out.</summary>
    /// <param name="zoneId">The participant's zone.</param>
    /// <param name="monday">The week's Monday.</param>
    /// <param name="entries">The entries overlapping the week.</param>
    /// <param name="working">The working time of the week (UTC).</param>
    /// <returns>The week.</returns>
    public static WeekView Build(string? zoneId, DateOnly monday, IReadOnlyList<CalendarEntry> entries, IReadOnlyList<TimeRange> working)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(working);
        var zone = TimeZones.ZoneOrUtc(zoneId);
        var days = Enumerable.Range(0, 7).Select(d => monday.AddDays(d)).ToArray();
        var entryPieces = days.Select(d => entries.SelectMany(e => Pieces(zone, d, e.Start, e.End).Select(p => (p.From, p.To, p.LocalEnd, Entry: (CalendarEntry?)e))).ToList()).ToArray();
        var workPieces = days.Select(d => working.SelectMany(w => Pieces(zone, d, w.Start, w.End).Select(p => (p.From, p.To, p.LocalEnd, Entry: (CalendarEntry?)null))).ToList()).ToArray();
        var all = entryPieces.Concat(workPieces).SelectMany(p => p).ToList();
        var firstHour = Math.Min(DefaultFirstHour, all.Count == 0 ? DefaultFirstHour : all.Min(p => p.From) / 60);
        var lastHour = Math.Max(DefaultLastHour, all.Count == 0 ? DefaultLastHour : (all.Max(p => p.To) + 59) / 60);
        var shown = new Shown(firstHour * 60, lastHour * 60);
        var result = days.Select((d, i) => new WeekDay(d, Blocks(workPieces[i], shown), Blocks(entryPieces[i], shown))).ToList();
        return new WeekView(ZoneTime.Name(zoneId), monday, firstHour, lastHour, result);
    }

    /// <summary>
    /// The part of [start, end) on a local date, as minutes on the day's wall-clock axis (0–1440): <c>From</c> and
    /// <c>LocalEnd</c> are its local start and end; <c>To</c> is where it is drawn to, the local end, or, when that is not
    /// after the local start (clocks went back), the local start plus the real elapsed minutes, clipped to 1440 and at least one.
    /// </summary>
    private static IEnumerable<(int From, int To, int LocalEnd)> Pieces(DateTimeZone zone, DateOnly date, DateTimeOffset start, DateTimeOffset end)
    {
        var local = date.ToLocalDate();
        var dayStart = zone.AtStartOfDay(local).ToInstant();
        var dayEnd = zone.AtStartOfDay(local.PlusDays(1)).ToInstant();
        var from = Instant.Max(Instant.FromDateTimeOffset(start), dayStart);
        var to = Instant.Min(Instant.FromDateTimeOffset(end), dayEnd);
        if (from >= to)
        {
            yield break;
        }

        var localStart = MinuteOfDay(from.InZone(zone));
        var localEnd = to == dayEnd ? MinutesPerDay : MinuteOfDay(to.InZone(zone));
        var elapsed = Math.Max((int)Math.Ceiling((to - from).TotalMinutes), 1);
        yield return (localStart, localEnd > localStart ? localEnd : Math.Min(localStart + elapsed, MinutesPerDay), localEnd);
    }

    private static int MinuteOfDay(ZonedDateTime time) => (time.Hour * 60) + time.Minute;

    private static List<WeekBlock> Blocks(List<(int From, int To, int LocalEnd, CalendarEntry? Entry)> pieces, Shown shown) =>
        [.. pieces
            .OrderBy(p => p.From).ThenBy(p => p.To)
            .Select(p => new WeekBlock(shown.Percent(p.From), Math.Max(shown.Percent(p.To) - shown.Percent(p.From), 0.5), $"{Clock(p.From)}–{Clock(p.LocalEnd)}", p.Entry))];

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private readonly record struct Shown(int FirstMinute, int LastMinute)
    {
        public double Percent(int minute) => Math.Round(100.0 * (Math.Clamp(minute, FirstMinute, LastMinute) - FirstMinute) / (LastMinute - FirstMinute), 3);
    }
}
