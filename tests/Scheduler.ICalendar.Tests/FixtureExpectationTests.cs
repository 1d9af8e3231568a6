namespace Scheduler.ICalendar.Tests;

/// <summary>
/// RFC 5545 expectations for the fixtures the reference implementation cannot read or reads
/// differently (see <see cref="ReferenceDifferentialTests"/>), and a parse check of every fixture.
/// </summary>
public sealed class FixtureExpectationTests
{
    private static readonly Instant From = Instant.FromUtc(1960, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2040, 1, 1, 0, 0);

    private static IReadOnlyList<EventOccurrence> All(string name) => Fixtures.Parse(name).GetOccurrences(From, To, DateTimeZone.Utc);

    public static TheoryData<string> FixtureNames() => ReferenceDifferentialTests.FixtureNames();

    /// <summary>No shared fixture is broken as a whole: every one parses (problems inside events are warnings).</summary>
    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Parse_EveryFixture_Succeeds(string name)
    {
        var calendar = Fixtures.Parse(name);
        Assert.NotEmpty(calendar.Components);
    }

    [Fact]
    public void BadRrule_MisspeltUntil_KeepsOnlyDtstartWithWarning()
    {
        var calendar = Fixtures.Parse("bad_rrule_missing_until_event.ics");
        Assert.Equal(Instant.FromUtc(2019, 8, 1, 13, 0), All("bad_rrule_missing_until_event.ics").Single().Start);
        Assert.Contains(calendar.Warnings, w => w.Message.Contains("UNTL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("end_before_start_event.ics", 2019, 3, 4, 7, 30)]
    [InlineData("issue_132_swapped_start_and_end.ics", 2023, 12, 18, 22, 45)]
    public void EndBeforeStart_DtendIgnored_ZeroLengthAtStart(string name, int y, int m, int d, int h, int min)
    {
        var occurrence = All(name).Single();
        Assert.Equal(Instant.FromUtc(y, m, d, h, min), occurrence.Start);
        Assert.Equal(occurrence.Start, occurrence.End);
        Assert.Contains(Fixtures.Parse(name).Warnings, w => w.Message.Contains("DTEND is before DTSTART", StringComparison.Ordinal));
    }

    [Fact]
    public void GoogleBirthday_RdatesWithStrayZ_AreDates()
    {
        var occurrences = All("icaljs_google_birthday.ics");
        Assert.Equal(6, occurrences.Count);
        Assert.All(occurrences, o => Assert.True(o.IsAllDay));
        Assert.Equal(3, occurrences.Count(o => o.Uid.StartsWith("2014_", StringComparison.Ordinal)));
    }

    [Fact]
    public void MultipleRrule_UnionOfRules()
    {
        var occurrences = All("multiple_rrule.ics");
        Assert.Equal(22, occurrences.Count);
        Assert.Equal(2, occurrences.Count(o => o.Start.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).DayOfWeek == IsoDayOfWeek.Monday));
    }

    [Fact]
    public void IcaljsMultipleRrules_UnionUntilJuly2012()
    {
        var occurrences = All("icaljs_multiple_rrules.ics");
        Assert.Equal(Instant.FromUtc(2012, 3, 26, 18, 0), occurrences[0].Start);
        Assert.All(occurrences, o => Assert.True(o.Start <= Instant.FromUtc(2012, 7, 30, 6, 59, 59)));
        Assert.Equal(18 + 18, occurrences.Count);
    }

    [Fact]
    public void PeriodRdateWithDuration_UsesPeriodLength()
    {
        var occurrences = All("issue_113_period_rdate_duration.ics");
        Assert.Equal([Duration.FromHours(1), Duration.FromHours(2)], occurrences.Select(o => o.Duration));
        Assert.Equal(Instant.FromUtc(2024, 9, 13, 12, 0), occurrences[1].Start);
    }

    [Fact]
    public void MakebelieveRdateZone_OffsetsFollowRdates()
    {
        var zone = Fixtures.Parse("icaljs_timezones_Makebelieve_RDATE_test.ics").TimeZones["Makebelieve/RDATE_as_date"]!;
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1969, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(1972, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1977, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(1982, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1987, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(1992, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1997, 6, 1, 0, 0)));
    }

    [Fact]
    public void MakebelieveUtcZone_UtcOnsetsAreInstants()
    {
        var zone = Fixtures.Parse("icaljs_timezones_Makebelieve_RDATE_utc_test.ics").TimeZones["Makebelieve/RDATE_as_date_utc"]!;
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1970, 1, 1, 1, 59)));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(1970, 1, 1, 2, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1997, 6, 1, 0, 0)));
    }

    [Fact]
    public void MakebelieveUntilZone_RulesStopAtUntil()
    {
        var zone = Fixtures.Parse("icaljs_timezones_Makebelieve_RRULE_UNTIL_test.ics").TimeZones["Makebelieve/RRULE_UNTIL"]!;
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(1972, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1977, 6, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(1990, 6, 1, 0, 0)));
    }

    [Fact]
    public void ThisAndFutureFixture_LaterInstancesTakeLastRange()
    {
        var occurrences = All("issue_75_range_parameter.ics");
        var sept24 = occurrences.Single(o => o.Start.InUtc().Date == new LocalDate(2024, 9, 24));
        Assert.Equal(Instant.FromUtc(2024, 9, 24, 14, 22), sept24.Start);
        Assert.Equal(Duration.FromMinutes(111), sept24.Duration);
        Assert.Equal("EDITED EVENT", sept24.Summary);
        var sept17 = occurrences.Single(o => o.Start.InUtc().Date == new LocalDate(2024, 9, 17));
        Assert.Equal(Instant.FromUtc(2024, 9, 17, 9, 0), sept17.Start);
        Assert.Equal(Duration.FromHours(7), sept17.Duration);
        var sept15 = occurrences.Single(o => o.Start.InUtc().Date == new LocalDate(2024, 9, 15));
        Assert.Equal(Instant.FromUtc(2024, 9, 15, 17, 0), sept15.Start);
    }

    [Fact]
    public void UntilEqualToLastInstance_IsInclusiveAcrossDst()
    {
        var last = All("issue_107_omitting_last_event.ics")[^1];
        Assert.Equal(Instant.FromUtc(2023, 6, 8, 17, 0), last.Start);
    }

    [Fact]
    public void DuplicateUidWithHigherSequence_Supersedes()
    {
        var occurrences = All("alarm_absolute_edited.ics");
        Assert.Single(occurrences);
        Assert.Equal(1, occurrences[0].Source.Sequence);
    }

    [Fact]
    public void TodoAndJournal_AreNotEvents()
    {
        Assert.Empty(All("issue_97_simple_todo.ics"));
        Assert.Empty(All("issue_97_simple_journal.ics"));
    }
}
