using NodaTime.Text;

namespace Scheduler.ICalendar.Tests;

/// <summary>
/// Compares the occurrences of every shared fixture with python-recurring-ical-events over the
/// fixture's window (see <see cref="ReferenceRun"/>). Files where the reference and RFC 5545
/// disagree, or where the reference cannot read the file, are listed below with the reason;
/// their RFC behaviour is pinned by FixtureExpectationTests.
/// </summary>
public sealed class ReferenceDifferentialTests(ReferenceRun reference) : IClassFixture<ReferenceRun>
{
    /// <summary>Files the reference (2.0.1 with icalendar 4.0.3) fails on; we read them per RFC 5545.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReferenceFails = new Dictionary<string, string>
    {
        ["bad_rrule_missing_until_event.ics"] = "KeyError on the misspelt rule part UNTL; we ignore the invalid RRULE (RFC 5545 §3.3.10 defines no such part) and keep DTSTART",
        ["end_before_start_event.ics"] = "asserts on DTEND before DTSTART; we ignore the invalid DTEND (RFC 5545 §3.8.2.2) and apply the §3.6.1 default (zero length)",
        ["issue_132_swapped_start_and_end.ics"] = "asserts on DTEND before DTSTART; handled as end_before_start_event.ics",
        ["icaljs_google_birthday.ics"] = "crashes on RDATE values written as DATE with a Z suffix; we read them as dates",
        ["icaljs_multiple_rrules.ics"] = "does not support several RRULEs; we expand their union (RFC 2445 allowed several)",
        ["multiple_rrule.ics"] = "does not support several RRULEs; we expand their union",
        ["issue_113_period_rdate_duration.ics"] = "crashes on an RDATE PERIOD with a duration (RFC 5545 §3.3.9); we use the period's own length",
        ["icaljs_timezones_Makebelieve_RDATE_test.ics"] = "crashes on VTIMEZONE RDATEs of mixed DATE/DATE-TIME types; we build the zone from them",
        ["icaljs_timezones_Makebelieve_RDATE_utc_test.ics"] = "crashes on a VTIMEZONE with UTC DTSTARTs; we build the zone from them",
        ["icaljs_timezones_Makebelieve_RRULE_UNTIL_test.ics"] = "crashes on a VTIMEZONE whose RRULE UNTIL is UTC; we build the zone from it",
    };

    /// <summary>Files where the reference's expansion departs from RFC 5545; we follow the RFC.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReferenceDiffers = new Dictionary<string, string>
    {
        ["icaljs_only_dtstart_date.ics"] = "a DATE DTSTART without DTEND/DURATION lasts one day (RFC 5545 §3.6.1); the reference gives it zero length",
        ["issue_179_example.ics"] = "yearly all-day event without DTEND: one day per RFC 5545 §3.6.1; the reference gives zero length",
        ["issue_201_mixed_datetime_and_date.ics"] = "DATE DTSTART with a UTC DTEND: we keep the event all-day in the participant's zone (DESIGN §4); the reference anchors it at UTC midnight",
        ["issue_107_omitting_last_event.ics"] = "UNTIL=20230608T170000Z equals the last instance (10:00 PDT); UNTIL is inclusive (RFC 5545 §3.3.10) but the reference expands with the winter offset and drops it",
        ["alarm_absolute_edited.ics"] = "two copies of one UID and start, SEQUENCE absent vs 1: the later SEQUENCE supersedes (RFC 5545 §3.8.7.4); the reference keeps both because one lacks SEQUENCE",
        ["issue_75_range_parameter.ics"] = "RANGE=THISANDFUTURE (RFC 5545 §3.2.13) shifts and reshapes later instances; the reference ignores RANGE",
    };

    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Occurrences_Fixture_MatchReferenceImplementation(string name)
    {
        var result = reference.For(name);
        if (ReferenceFails.TryGetValue(name, out var failReason))
        {
            Assert.False(result.Ok, $"The reference now reads {name}; re-check the exception ({failReason}).");
            return;
        }

        Assert.True(result.Ok, $"The reference failed on {name}: {result.Error}");
        var window = ReferenceRun.WindowOf(name);
        var ours = Fixtures.Parse(name)
            .GetOccurrences(window.Start, window.End, ReferenceRun.FloatingZone)
            .Select(o => Describe(o.Uid, o.Start, o.End, o.Summary ?? string.Empty))
            .Order(StringComparer.Ordinal)
            .ToList();
        var theirs = result.Events
            .Select(e => (e, start: ReferenceImplementation.ToInstant(e.Start, ReferenceRun.FloatingZone), end: ReferenceImplementation.ToInstant(e.End, ReferenceRun.FloatingZone)))
            .Where(x => x.start == x.end ? x.start >= window.Start && x.start < window.End : x.start < window.End && x.end > window.Start)
            .Select(x => Describe(x.e.Uid, x.start, x.end, x.e.Summary))
            .Order(StringComparer.Ordinal)
            .ToList();

        if (ReferenceDiffers.TryGetValue(name, out var reason))
        {
            Assert.False(ours.SequenceEqual(theirs), $"{name} now matches the reference; remove its exception ({reason}).");
            return;
        }

        var missing = theirs.Except(ours).Take(10).ToList();
        var extra = ours.Except(theirs).Take(10).ToList();
        Assert.True(
            ours.SequenceEqual(theirs),
            $"{name}: {ours.Count} occurrences vs reference {theirs.Count}.\nOnly in reference:\n  {string.Join("\n  ", missing)}\nOnly ours:\n  {string.Join("\n  ", extra)}");
    }

    private static string Describe(string uid, Instant start, Instant end, string summary) =>
        $"{InstantPattern.General.Format(start)} {InstantPattern.General.Format(end)} {uid} {summary}";
}
