using NodaTime;
using NodaTime.Calendars;

namespace Scheduler.Grains.Participants;

/// <summary>
/// Decides whether a participant can take new interview intervals: each interval widened by the
/// buffers must avoid raw busy time, and must avoid other requests' holds and bookings widened the
/// same way (so consecutive interviews are separated by buffer-after plus buffer-before); and the
/// daily and weekly caps, counted in the participant's local dates and ISO weeks, must hold.
/// </summary>
internal static class HoldChecker
{
    public static (HoldRefusal Refusal, string? Message) Check(
        ParticipantProfile profile,
        IReadOnlyList<BusyInterval> busy,
        IEnumerable<ParticipantBooking> others,
        IReadOnlyList<TimeRange> intervals,
        bool countsTowardCaps)
    {
        var before = TimeSpan.FromMinutes(profile.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(profile.BufferAfterMinutes);
        var otherList = others.ToList();
        foreach (var interval in intervals)
        {
            var widened = new TimeRange(interval.Start - before, interval.End + after);
            var blocking = busy.FirstOrDefault(b => b.Start < widened.End && widened.Start < b.End);
            if (blocking is not null)
            {
                return (HoldRefusal.Busy, $"Busy ({blocking.Source}) from {blocking.Start:O} to {blocking.End:O}.");
            }

            foreach (var other in otherList)
            {
                if (other.Intervals.Any(o => new TimeRange(o.Start - before, o.End + after).Overlaps(widened)))
                {
                    return (HoldRefusal.TakenByOtherRequest, $"Taken by another request from {interval.Start:O} (buffers included).");
                }
            }
        }

        if (!countsTowardCaps || (profile.MaxInterviewsPerDay is null && profile.MaxInterviewsPerWeek is null))
        {
            return (HoldRefusal.None, null);
        }

        var zone = EngineMapping.ParseZone(profile.TimeZone, "timeZone");
        var existing = otherList.Where(o => o.CountsTowardCaps).SelectMany(o => o.Intervals).Select(i => i.Start).ToList();
        foreach (var start in intervals.Select(i => i.Start))
        {
            var date = LocalDate(zone, start);
            if (profile.MaxInterviewsPerDay is { } perDay)
            {
                var count = existing.Count(s => LocalDate(zone, s) == date) + intervals.Count(i => LocalDate(zone, i.Start) == date);
                if (count > perDay)
                {
                    return (HoldRefusal.DailyCap, $"The maximum of {perDay} interviews on {date:yyyy-MM-dd} would be exceeded.");
                }
            }

            if (profile.MaxInterviewsPerWeek is { } perWeek)
            {
                var week = Week(date);
                var count = existing.Count(s => Week(LocalDate(zone, s)) == week) + intervals.Count(i => Week(LocalDate(zone, i.Start)) == week);
                if (count > perWeek)
                {
                    return (HoldRefusal.WeeklyCap, $"The maximum of {perWeek} interviews in ISO week {week.Year}-W{week.Week:00} would be exceeded.");
                }
            }
        }

        return (HoldRefusal.None, null);
    }

    private static LocalDate LocalDate(DateTimeZone zone, DateTimeOffset instant) => EngineMapping.ToInstant(instant).InZone(zone).Date;

    private static (int Year, int Week) Week(LocalDate date) => (WeekYearRules.Iso.GetWeekYear(date), WeekYearRules.Iso.GetWeekOfWeekYear(date));
}
