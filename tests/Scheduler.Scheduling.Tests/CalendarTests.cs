using NodaTime.TimeZones;
using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class CalendarTests
{
    [Fact]
    public void Materialize_OvernightRuleAndOverride_UsesOverrideHours()
    {
        var rules = new[] { new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(22, 0), new LocalTime(2, 0)) };
        var overrides = new[] { new DateOverride(new LocalDate(2026, 3, 3), [new LocalTimeRange(new LocalTime(8, 0), new LocalTime(9, 0))]) };

        var hours = WorkingHours.Materialize(UtcZone, rules, overrides, new TimeInterval(Utc(2026, 3, 2, 0), Utc(2026, 3, 4, 0)));

        Assert.Equal(
            [new TimeInterval(Utc(2026, 3, 2, 0), Utc(2026, 3, 2, 2)), new TimeInterval(Utc(2026, 3, 2, 22), Utc(2026, 3, 3, 2)), Span(Utc(2026, 3, 3, 8), 60)],
            hours.ToArray());
    }

    [Fact]
    public void Materialize_RuleStartInDstGap_ShiftsForward()
    {
        // New York 2026-03-08: 02:00–03:00 does not exist; a 02:30 start becomes 03:30 EDT.
        var rules = new[] { new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(2, 30), new LocalTime(5, 0)) };
        var date = new LocalDate(2026, 3, 8);

        var hours = WorkingHours.Materialize(NewYork, rules, [], new TimeInterval(NewYork.AtStartOfDay(date).ToInstant(), NewYork.AtStartOfDay(date.PlusDays(1)).ToInstant()));

        Assert.Equal(new LocalTime(3, 30), Assert.Single(hours).Start.InZone(NewYork).TimeOfDay);
    }

    [Fact]
    public void Materialize_RuleStartInDstOverlap_TakesEarlierOffset()
    {
        // New York 2026-11-01: 01:30 happens twice; the earlier (EDT, -04) is 05:30 UTC.
        var rules = new[] { new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(1, 30), new LocalTime(3, 0)) };
        var date = new LocalDate(2026, 11, 1);

        var hours = WorkingHours.Materialize(NewYork, rules, [], new TimeInterval(NewYork.AtStartOfDay(date).ToInstant(), NewYork.AtStartOfDay(date.PlusDays(1)).ToInstant()));

        Assert.Equal(Utc(2026, 11, 1, 5, 30), Assert.Single(hours).Start);
        Assert.Equal(Duration.FromMinutes(150), hours[0].Duration);
    }

    [Theory]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("India Standard Time", "Asia/Calcutta")]
    [InlineData("Nepal Standard Time", "Asia/Katmandu")]
    [InlineData("Europe/London", "Europe/London")]
    public void TimeZones_WindowsOrIanaName_MapsToIana(string id, string expected)
    {
        Assert.True(TimeZones.TryGetIanaId(id, out var iana));
        Assert.Equal(expected, iana);
        Assert.Equal(DateTimeZoneProviders.Tzdb[expected].GetUtcOffset(Monday), TimeZones.GetZone(id).GetUtcOffset(Monday));
    }

    [Fact]
    public void TimeZones_UnknownName_Throws()
    {
        Assert.False(TimeZones.TryGetIanaId("Mars Standard Time", out _));
        Assert.Throws<DateTimeZoneNotFoundException>(() => TimeZones.GetZone("Mars Standard Time"));
    }

    [Fact]
    public void ParticipantAvailability_FreeAndSlots_AlignInParticipantsZone()
    {
        var p = Person("p", Kolkata, Span(At(Kolkata, 2026, 3, 2, 10), 60)) with { BufferAfterMinutes = 10 };
        var window = new TimeInterval(Kolkata.AtStartOfDay(new LocalDate(2026, 3, 2)).ToInstant(), Kolkata.AtStartOfDay(new LocalDate(2026, 3, 3)).ToInstant());

        var free = ParticipantAvailability.FreeIntervals(p, window);
        var slots = ParticipantAvailability.Slots(p, window, 60, 30);

        Assert.Equal([new TimeInterval(At(Kolkata, 2026, 3, 2, 9), At(Kolkata, 2026, 3, 2, 9, 50)), new TimeInterval(At(Kolkata, 2026, 3, 2, 11), At(Kolkata, 2026, 3, 2, 17))], free.ToArray());
        Assert.Equal("2026-03-02 11:00", Local(slots[0].Start, Kolkata));
        Assert.Equal(11, slots.Count);
    }
}
