using Scheduler.Scheduling.Learning;
using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class LearnedPreferenceTests
{
    private static readonly Duration HalfLife = PreferenceLearningOptions.DefaultHalfLife;
    private static readonly PreferenceLearningOptions Learning = new(HalfLife);

    /// <summary>Tuesday 2026-02-24 (a weekday before the window), so the history's day buckets never hold Monday.</summary>
    private static readonly Instant PastTuesday = Utc(2026, 2, 24, 0);

    [Fact]
    public void Schedule_HistoryOfAfternoonSelections_RanksAfternoonFirstWithReason()
    {
        var request = OneMonday();
        var without = SchedulingEngine.Schedule(request, People(AfternoonSelections(9, Now)), Now);
        Assert.Equal(Utc(2026, 3, 2, 9), without.Options[0].Start);

        var with = SchedulingEngine.Schedule(request with { PreferenceLearning = Learning }, People(AfternoonSelections(9, Now)), Now);

        var best = with.Options[0];
        Assert.InRange(best.Start.InUtc().Hour, 12, 16);
        var reason = Assert.Single(best.Reasons, r => r.Code == "learnedPreference");
        Assert.Equal("Learned from past interviews (recent ones count most): cand accepted 9 of 9 afternoon times.", reason.Description);
        Assert.Equal(LearnedPreferenceScorer.Weight * 9 / (9 + LearnedPreferenceScorer.PriorCount), reason.Points, 6);
        Assert.Equal(best.Score, best.Reasons.Sum(r => r.Points), 6);
        var morning = with.Options.First(o => o.Start.InUtc().Hour < 12);
        var penalty = Assert.Single(morning.Reasons, r => r.Code == "learnedPreference");
        Assert.True(penalty.Points < 0);
        Assert.Contains("cand accepted 0 of 4.5 morning times", penalty.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_LearningOff_RankingAndReasonsIdenticalToNoHistory()
    {
        var request = OneMonday() with { MaxProposals = 20 };

        var off = SchedulingEngine.Schedule(request, People(AfternoonSelections(9, Now)), Now);
        var none = SchedulingEngine.Schedule(request, People(PreferenceHistory.Empty), Now);

        Assert.Equal(Describe(none), Describe(off));
        Assert.DoesNotContain(off.Options.SelectMany(o => o.Reasons), r => r.Code == "learnedPreference");
    }

    [Fact]
    public void Schedule_LearningOnWithoutHistory_NoReasonAndSameRanking()
    {
        var request = OneMonday() with { MaxProposals = 20 };

        var on = SchedulingEngine.Schedule(request with { PreferenceLearning = Learning }, People(PreferenceHistory.Empty), Now);
        var off = SchedulingEngine.Schedule(request, People(PreferenceHistory.Empty), Now);

        Assert.Equal(Describe(off), Describe(on));
    }

    [Fact]
    public void Schedule_OlderHistory_CountsLessAndAncientHistoryNotAtAll()
    {
        var request = OneMonday() with { PreferenceLearning = Learning };

        var fresh = LearnedPoints(SchedulingEngine.Schedule(request, People(AfternoonSelections(9, Now)), Now));
        var halfLifeOld = SchedulingEngine.Schedule(request, People(AfternoonSelections(9, Now - HalfLife)), Now);
        var ancient = SchedulingEngine.Schedule(request, People(AfternoonSelections(9, Now - Duration.FromDays(3 * 365))), Now);

        var aged = LearnedPoints(halfLifeOld);
        Assert.Equal(LearnedPreferenceScorer.Weight * 4.5 / (4.5 + LearnedPreferenceScorer.PriorCount), aged, 6);
        Assert.True(aged < fresh);
        Assert.Contains("cand accepted 4.5 of 4.5 afternoon times", Assert.Single(halfLifeOld.Options[0].Reasons, r => r.Code == "learnedPreference").Description, StringComparison.Ordinal);
        Assert.Equal(Describe(SchedulingEngine.Schedule(request with { PreferenceLearning = null }, People(PreferenceHistory.Empty), Now)), Describe(ancient));
    }

    [Fact]
    public void Schedule_ExplicitPreferredMorning_WinsOverLearnedAfternoon()
    {
        var request = OneMonday() with
        {
            PreferenceLearning = Learning,
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(9, 0), new LocalTime(11, 0))],
        };

        var result = SchedulingEngine.Schedule(request, People(AfternoonSelections(1000, Now)), Now);

        var best = result.Options[0];
        Assert.InRange(best.Start.InUtc().Hour, 9, 10);
        Assert.Equal(30, Assert.Single(best.Reasons, r => r.Code == "candidatePreferredTime").Points);
        Assert.True(Assert.Single(best.Reasons, r => r.Code == "learnedPreference").Points < 0);
    }

    [Fact]
    public void Schedule_LearnedAfternoonWhileInterviewerBusyAfternoon_NeverProposesBusyTime()
    {
        var busy = Span(Utc(2026, 3, 2, 12), 5 * 60);
        var people = new[] { Person("cand", UtcZone) with { PreferenceHistory = AfternoonSelections(1000, Now) }, Person("x", UtcZone, busy) };

        var result = SchedulingEngine.Schedule(OneMonday() with { PreferenceLearning = Learning, MaxProposals = 20 }, people, Now);

        Assert.NotEmpty(result.Options);
        Assert.All(result.Options, o => Assert.False(busy.Overlaps(new Intervals.TimeInterval(o.Start, o.End))));
    }

    [Fact]
    public void Schedule_OverwhelmingHistory_StaysWithinTheWeight()
    {
        var result = SchedulingEngine.Schedule(OneMonday() with { PreferenceLearning = Learning, MaxProposals = 20 }, People(AfternoonSelections(100_000, Now)), Now);

        var points = result.Options.SelectMany(o => o.Reasons).Where(r => r.Code == "learnedPreference").Select(r => r.Points).ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.InRange(p, -LearnedPreferenceScorer.Weight, LearnedPreferenceScorer.Weight));
        Assert.True(points.Max() > 7.9);
    }

    [Fact]
    public void Schedule_InterviewerHistory_BucketedInTheirZoneAndNamedInTheReason()
    {
        // x is in New York: 14:00-17:00 UTC on 2026-03-02 is 09:00-12:00 there (morning; afternoon in UTC), 17:00 UTC is 12:00 (afternoon).
        var afternoons = PreferenceHistory.Empty;
        for (var i = 0; i < 6; i++)
        {
            afternoons = afternoons.Record(new PreferenceEvent(PreferenceSignal.Held, Now, At(NewYork, 2026, 2, 24 + (i % 3), 13)), NewYork, HalfLife);
        }

        var x = new ParticipantAvailabilityInput("x", NewYork, [WeeklyTimeRule.Always]) { PreferenceHistory = afternoons };
        var cand = new ParticipantAvailabilityInput("cand", UtcZone, [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(14, 0), new LocalTime(20, 0))]);

        var result = SchedulingEngine.Schedule(OneMonday() with { PreferenceLearning = Learning, MaxProposals = 10 }, [cand, x], Now);

        var best = result.Options[0];
        Assert.True(best.Start >= Utc(2026, 3, 2, 17), Local(best.Start, NewYork));
        var reason = Assert.Single(best.Reasons, r => r.Code == "learnedPreference");
        Assert.Equal("Learned from past interviews (recent ones count most): x accepted 6 of 6 afternoon times.", reason.Description);
        Assert.DoesNotContain(result.Options.Where(o => o.Start < Utc(2026, 3, 2, 17)).SelectMany(o => o.Reasons), r => r.Code == "learnedPreference");
    }

    [Fact]
    public void Record_OrderOfArrival_DoesNotChangeTheTallies()
    {
        var early = new PreferenceEvent(PreferenceSignal.Selected, Now - Duration.FromDays(40), PastTuesday + Duration.FromHours(14)) { PassedOver = [PastTuesday + Duration.FromHours(9)] };
        var late = new PreferenceEvent(PreferenceSignal.Rescheduled, Now - Duration.FromDays(5), PastTuesday + Duration.FromHours(18));

        var inOrder = PreferenceHistory.Empty.Record(early, UtcZone, HalfLife).Record(late, UtcZone, HalfLife).DecayedTo(Now, HalfLife);
        var reversed = PreferenceHistory.Empty.Record(late, UtcZone, HalfLife).Record(early, UtcZone, HalfLife).DecayedTo(Now, HalfLife);

        Assert.Equal(Now, inOrder.AsOf);
        for (var part = 0; part < DayParts.Count; part++)
        {
            Assert.Equal(inOrder.DayPartTallies[part].Accepted, reversed.DayPartTallies[part].Accepted, 9);
            Assert.Equal(inOrder.DayPartTallies[part].Declined, reversed.DayPartTallies[part].Declined, 9);
        }

        Assert.Equal(Math.Pow(2, -40.0 / 90), inOrder.Of(DayPart.Afternoon).Accepted, 9);
        Assert.Equal(Math.Pow(2, -5.0 / 90), inOrder.Of(DayPart.Evening).Declined, 9);
        Assert.Equal(Math.Pow(2, -40.0 / 90), inOrder.Of(IsoDayOfWeek.Tuesday).Accepted, 9);
    }

    [Fact]
    public void Record_SelectionAmongProposals_OnlyLikeForLikeBucketsDeclineOnceEach()
    {
        var chosen = PastTuesday + Duration.FromHours(14);
        var passedOver = new[]
        {
            PastTuesday + Duration.FromHours(9),
            PastTuesday + Duration.FromHours(10),
            PastTuesday + Duration.FromHours(15),
            PastTuesday + Duration.FromDays(1) + Duration.FromHours(13),
            PastTuesday + Duration.FromDays(1) + Duration.FromHours(15),
            PastTuesday + Duration.FromDays(2) + Duration.FromHours(9),
        };

        var history = PreferenceHistory.Empty.Record(new PreferenceEvent(PreferenceSignal.Selected, Now, chosen) { PassedOver = passedOver }, UtcZone, HalfLife);

        Assert.Equal(new PreferenceTally(0, PreferenceHistory.PassedOverWeight), history.Of(DayPart.Morning));
        Assert.Equal(new PreferenceTally(1, 0), history.Of(DayPart.Afternoon));
        Assert.Equal(new PreferenceTally(1, 0), history.Of(IsoDayOfWeek.Tuesday));
        Assert.Equal(new PreferenceTally(0, PreferenceHistory.PassedOverWeight), history.Of(IsoDayOfWeek.Wednesday));
        Assert.Equal(default, history.Of(IsoDayOfWeek.Thursday));
        Assert.Equal(default, history.Of(DayPart.Evening));
    }

    [Fact]
    public void Record_Cancelled_DeclinesWithHalfWeight()
    {
        var history = PreferenceHistory.Empty.Record(new PreferenceEvent(PreferenceSignal.Cancelled, Now, PastTuesday + Duration.FromHours(17)), UtcZone, HalfLife);

        Assert.Equal(new PreferenceTally(0, PreferenceHistory.CancelledWeight), history.Of(DayPart.Evening));
        Assert.Equal(new PreferenceTally(0, PreferenceHistory.CancelledWeight), history.Of(IsoDayOfWeek.Tuesday));
    }

    [Fact]
    public void Constructor_WrongLengthOrNegativeCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PreferenceHistory(Now, new PreferenceTally[2], new PreferenceTally[7]));
        Assert.Throws<ArgumentException>(() => new PreferenceHistory(Now, [new(-1, 0), default, default], new PreferenceTally[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreferenceLearningOptions(Duration.Zero));
    }

    private static SchedulingRequest OneMonday() => Single("cand", 60, Days(Monday, 1), "x");

    private static ParticipantAvailabilityInput[] People(PreferenceHistory candidateHistory) =>
        [Person("cand", UtcZone) with { PreferenceHistory = candidateHistory }, Person("x", UtcZone)];

    /// <summary><paramref name="count"/> selections of a Tuesday 14:00 proposal over one at 09:00 the same day, all observed at <paramref name="at"/>.</summary>
    private static PreferenceHistory AfternoonSelections(int count, Instant at)
    {
        var history = PreferenceHistory.Empty;
        var chosen = new PreferenceEvent(PreferenceSignal.Selected, at, PastTuesday + Duration.FromHours(14)) { PassedOver = [PastTuesday + Duration.FromHours(9)] };
        for (var i = 0; i < count; i++)
        {
            history = history.Record(chosen, UtcZone, HalfLife);
        }

        return history;
    }

    private static double LearnedPoints(SchedulingResult result) =>
        Assert.Single(result.Options[0].Reasons, r => r.Code == "learnedPreference").Points;

    private static List<string> Describe(SchedulingResult result) =>
        [.. result.Options.Select(o => $"{o.Start} {o.Score:R} {string.Join("|", o.Reasons.Select(r => $"{r.Code}:{r.Points:R}:{r.Description}"))}")];
}
