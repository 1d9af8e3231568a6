namespace Scheduler.Scheduling.Benchmarks;

/// <summary>Deterministic synthetic calendars for the benchmarks.</summary>
internal static class Workload
{
    public static readonly DateTimeZone[] Zones =
    [
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Europe/London"],
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["Asia/Kolkata"],
    ];

    /// <summary>Monday 2026-03-02 00:00 UTC: the window spans the US DST change of 2026-03-08.</summary>
    public static readonly Instant WindowStart = Instant.FromUtc(2026, 3, 2, 0, 0);

    public static readonly Instant Now = WindowStart - Duration.FromHours(12);

    /// <summary>
    /// The busy time of <paramref name="count"/> timed events over <paramref name="days"/> days from <see cref="WindowStart"/>,
    /// each 15–60 minutes, starting on the quarter hour between <paramref name="fromHour"/> and <paramref name="toHour"/> local
    /// time; one in ten of the events is cancelled or transparent and adds no busy time (as a calendar source drops them).
    /// </summary>
    public static IntervalSet Busy(Random random, DateTimeZone zone, int count, int days, int fromHour = 7, int toHour = 20)
    {
        var spans = new List<TimeInterval>(count);
        var firstDate = WindowStart.InZone(zone).Date;
        for (var i = 0; i < count; i++)
        {
            var date = firstDate.PlusDays(random.Next(days));
            var start = zone.AtLeniently(date.At(new LocalTime(fromHour, 0)).PlusMinutes(15 * random.Next((toHour - fromHour) * 4))).ToInstant();
            var length = Duration.FromMinutes(15 * random.Next(1, 5));
            var roll = random.Next(20);
            if (roll is not (0 or 19))
            {
                spans.Add(new TimeInterval(start, start + length));
            }
        }

        return IntervalSet.From(spans);
    }

    /// <summary>An interviewer index with skewed demand: half the picks go to the first fifth of the <paramref name="interviewers"/>.</summary>
    public static int PickInterviewer(Random random, int interviewers) =>
        random.Next(2) == 0 ? random.Next(interviewers / 5) : random.Next(interviewers);

    public static WeeklyTimeRule NineToFive { get; } = new(WeeklyTimeRule.Weekdays, new LocalTime(9, 0), new LocalTime(17, 0));

    public static ParticipantAvailabilityInput Participant(string id, DateTimeZone zone, IntervalSet busy) =>
        new(id, zone, [NineToFive])
        {
            Busy = busy,
            BufferBeforeMinutes = 5,
            BufferAfterMinutes = 5,
            MaxInterviewsPerDay = 3,
            MaxInterviewsPerWeek = 10,
        };
}
