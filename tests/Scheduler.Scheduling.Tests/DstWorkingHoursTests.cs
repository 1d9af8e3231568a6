namespace Scheduler.Scheduling.Tests;

/// <summary>
/// A 09:00–17:00 rule must stay 09:00–17:00 on the local wall clock on both sides of every real 2026 and 2027
/// transition. Known transition dates are hard-coded and checked against TZDB; the rule is then checked on the
/// day before, the day of and the day after each transition TZDB reports.
/// </summary>
public sealed class DstWorkingHoursTests
{
    public static TheoryData<string, int, string[]> Transitions => new()
    {
        { "America/New_York", 2026, ["2026-03-08", "2026-11-01"] },
        { "America/New_York", 2027, ["2027-03-14", "2027-11-07"] },
        { "Europe/London", 2026, ["2026-03-29", "2026-10-25"] },
        { "Europe/London", 2027, ["2027-03-28", "2027-10-31"] },
        { "Europe/Berlin", 2026, ["2026-03-29", "2026-10-25"] },
        { "Europe/Berlin", 2027, ["2027-03-28", "2027-10-31"] },
        { "Australia/Sydney", 2026, ["2026-04-05", "2026-10-04"] },
        { "Australia/Sydney", 2027, ["2027-04-04", "2027-10-03"] },
        { "Australia/Lord_Howe", 2026, ["2026-04-05", "2026-10-04"] },
        { "Australia/Lord_Howe", 2027, ["2027-04-04", "2027-10-03"] },
        { "Pacific/Chatham", 2026, ["2026-04-05", "2026-09-27"] },
        { "Pacific/Chatham", 2027, ["2027-04-04", "2027-09-26"] },
        { "Asia/Kolkata", 2026, [] },
        { "Asia/Kolkata", 2027, [] },
        { "Asia/Kathmandu", 2026, [] },
        { "Asia/Kathmandu", 2027, [] },
        { "America/Sao_Paulo", 2026, [] },
        { "America/Sao_Paulo", 2027, [] },
        // The embedded TZDB (2026f) ends Morocco's Ramadan switching: +00 from 2026-09-20 on.
        { "Africa/Casablanca", 2026, ["2026-02-15", "2026-03-22", "2026-09-20"] },
        { "Africa/Casablanca", 2027, [] },
    };

    public static TheoryData<string, int> AllZoneYears => new()
    {
        { "America/New_York", 2026 }, { "America/New_York", 2027 },
        { "Europe/London", 2026 }, { "Europe/London", 2027 },
        { "Europe/Berlin", 2026 }, { "Europe/Berlin", 2027 },
        { "Australia/Sydney", 2026 }, { "Australia/Sydney", 2027 },
        { "Australia/Lord_Howe", 2026 }, { "Australia/Lord_Howe", 2027 },
        { "Asia/Kolkata", 2026 }, { "Asia/Kolkata", 2027 },
        { "Asia/Kathmandu", 2026 }, { "Asia/Kathmandu", 2027 },
        { "Pacific/Chatham", 2026 }, { "Pacific/Chatham", 2027 },
        { "America/Sao_Paulo", 2026 }, { "America/Sao_Paulo", 2027 },
        { "Africa/Casablanca", 2026 }, { "Africa/Casablanca", 2027 },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Tzdb_KnownTransitionDates_MatchHardCodedDates(string zoneId, int year, string[] expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];

        var actual = TransitionsIn(zone, year).Select(t => t.InZone(zone).Date.ToString("yyyy-MM-dd", null)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Tzdb_LordHowe_ShiftsByThirtyMinutes()
    {
        var zone = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
        var transition = TransitionsIn(zone, 2026)[0];

        var shift = zone.GetUtcOffset(transition - Duration.FromMinutes(1)) - zone.GetUtcOffset(transition);

        Assert.Equal(Offset.FromHoursAndMinutes(0, 30), shift);
    }

    [Theory]
    [MemberData(nameof(AllZoneYears))]
    public void Materialize_AroundEveryTransition_StaysNineToFiveLocal(string zoneId, int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var dates = new List<LocalDate> { new(year, 1, 15), new(year, 7, 15) };
        foreach (var transition in TransitionsIn(zone, year))
        {
            var date = transition.InZone(zone).Date;
            dates.AddRange([date.PlusDays(-1), date, date.PlusDays(1)]);
        }

        foreach (var date in dates)
        {
            var bounds = new TimeInterval(zone.AtStartOfDay(date).ToInstant(), zone.AtStartOfDay(date.PlusDays(1)).ToInstant());

            var hours = WorkingHours.Materialize(zone, [new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(9, 0), new LocalTime(17, 0))], [], bounds);

            var single = Assert.Single(hours);
            Assert.Equal(date.At(new LocalTime(9, 0)), single.Start.InZone(zone).LocalDateTime);
            Assert.Equal(date.At(new LocalTime(17, 0)), single.End.InZone(zone).LocalDateTime);
        }
    }

    [Theory]
    [MemberData(nameof(AllZoneYears))]
    public void Schedule_AroundEveryTransition_ProposesOnlyNineToFiveLocal(string zoneId, int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var rule = new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(9, 0), new LocalTime(17, 0));
        foreach (var transition in TransitionsIn(zone, year))
        {
            var date = transition.InZone(zone).Date;
            var window = new TimeInterval(zone.AtStartOfDay(date.PlusDays(-1)).ToInstant(), zone.AtStartOfDay(date.PlusDays(2)).ToInstant());
            var people = new[] { new ParticipantAvailabilityInput("c", zone, [rule]), new ParticipantAvailabilityInput("i", zone, [rule]) };
            var request = TestData.Single("c", 60, window, "i") with { MaxProposals = 200 };

            var result = SchedulingEngine.Schedule(request, people, window.Start - Duration.FromDays(1));

            // 29 quarter-hour starts per day (09:00 … 16:00), three days.
            Assert.Equal(87, result.Options.Count);
            Assert.All(result.Options, o =>
            {
                var local = o.Start.InZone(zone).LocalDateTime;
                Assert.InRange(local.Hour, 9, 16);
                Assert.Equal(0, local.Minute % 15);
                Assert.True(o.End.InZone(zone).TimeOfDay <= new LocalTime(17, 0));
            });
        }
    }

    private static List<Instant> TransitionsIn(DateTimeZone zone, int year)
    {
        var start = Instant.FromUtc(year, 1, 1, 0, 0);
        var end = Instant.FromUtc(year + 1, 1, 1, 0, 0);
        return zone.GetZoneIntervals(start, end)
            .Where(z => z.HasStart && z.Start > start)
            .Select(z => z.Start)
            .ToList();
    }
}
