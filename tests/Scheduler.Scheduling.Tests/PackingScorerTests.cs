using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class PackingScorerTests
{
    /// <summary>An interviewer who works 13:00–15:00 UTC on weekdays and has nothing else on.</summary>
    private static ParticipantAvailabilityInput TwoHourInterviewer() =>
        new("x", UtcZone, [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(13, 0), new LocalTime(15, 0))]);

    [Fact]
    public void Schedule_TwoHourStretch_FlushOptionsRankAboveOptionsThatSplitIt()
    {
        var people = new[] { Person("cand", UtcZone), TwoHourInterviewer() };

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 1), "x") with { MaxProposals = 10 }, people, Now);

        // 13:00 and 14:00 leave the other hour whole; 13:15, 13:30 and 13:45 leave two pieces too short for anything,
        // so they lose to 14:00 although they start earlier and no other preference tells them apart.
        Assert.Equal(
            [Utc(2026, 3, 2, 13), Utc(2026, 3, 2, 14), Utc(2026, 3, 2, 13, 15), Utc(2026, 3, 2, 13, 30), Utc(2026, 3, 2, 13, 45)],
            result.Options.Select(o => o.Start).Take(2).Concat(result.Options.Skip(2).Select(o => o.Start).Order()));
        var flush = Assert.Single(result.Options[1].Reasons, r => r.Code == "packing");
        Assert.Equal(PackingScorer.FlushPoints, flush.Points);
        Assert.Contains("x", flush.Description, StringComparison.Ordinal);
        var split = Assert.Single(result.Options.Single(o => o.Start == Utc(2026, 3, 2, 13, 30)).Reasons, r => r.Code == "packing");
        Assert.Equal(PackingScorer.SplitPenalty, split.Points);
        Assert.Contains("one interview fewer", split.Description, StringComparison.Ordinal);
        Assert.All(result.Options, o => Assert.Equal(o.Score, o.Reasons.Sum(r => r.Points), 6));
    }

    [Theory]
    [InlineData(30, 0)]
    [InlineData(45, 0)]
    [InlineData(60, 0)]
    [InlineData(60, 10)]
    [InlineData(90, 0)]
    [InlineData(50, 5)]
    public void Schedule_BookingTheBestOptionAgainAndAgain_FillsAStretchBetweenMeetingsToCapacity(int minutes, int buffer)
    {
        // Meetings until 11:45 and from 15:45: four free hours between them.
        var meetings = new List<TimeInterval> { new(Utc(2026, 3, 2, 0), Utc(2026, 3, 2, 11, 45)), new(Utc(2026, 3, 2, 15, 45), Utc(2026, 3, 3, 0)) };
        var booked = new List<TimeInterval>();
        while (true)
        {
            var interviewer = Person("x", UtcZone, [.. meetings, .. booked]) with { BufferBeforeMinutes = buffer, BufferAfterMinutes = buffer };
            var result = SchedulingEngine.Schedule(Single("cand", minutes, Days(Monday, 1), "x"), [Person("cand", UtcZone), interviewer], Now);
            if (!result.HasOptions)
            {
                break;
            }

            booked.Add(new TimeInterval(result.Options[0].Start, result.Options[0].End));
        }

        Assert.Equal(EndToEnd(Utc(2026, 3, 2, 11, 45), Utc(2026, 3, 2, 15, 45), minutes, buffer), booked.Count);
    }

    [Fact]
    public void Schedule_StretchBetweenMeetings_KeepsABreatherWhenThatCostsNoInterview()
    {
        var x = Person("x", UtcZone, new TimeInterval(Utc(2026, 3, 2, 0), Utc(2026, 3, 2, 11, 45)), new TimeInterval(Utc(2026, 3, 2, 15, 45), Utc(2026, 3, 3, 0)));

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 1), "x") with { MaxProposals = 20 }, [Person("cand", UtcZone), x], Now);

        // 11:45 is flush but back-to-back with the meeting; 12:45 leaves an hour on each side, so it costs nobody an interview.
        Assert.Equal(Utc(2026, 3, 2, 12, 45), result.Options[0].Start);
        Assert.DoesNotContain(result.Options[0].Reasons, r => r.Code == "packing");
        var flush = result.Options.Single(o => o.Start == Utc(2026, 3, 2, 11, 45));
        Assert.Contains(flush.Reasons, r => r.Code == "packing" && r.Points == PackingScorer.FlushPoints);
        Assert.Contains(flush.Reasons, r => r.Code == "backToBack");
        var split = result.Options.Single(o => o.Start == Utc(2026, 3, 2, 12, 15));
        Assert.Contains(split.Reasons, r => r.Code == "packing" && r.Points == PackingScorer.SplitPenalty);
        Assert.True(flush.Score > split.Score);
    }

    [Fact]
    public void Schedule_CandidatePrefersASplittingOption_PreferenceStillWins()
    {
        var request = Single("cand", 60, Days(Monday, 1), "x") with
        {
            MaxProposals = 10,
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(13, 30), new LocalTime(14, 30))],
        };

        var result = SchedulingEngine.Schedule(request, [Person("cand", UtcZone), TwoHourInterviewer()], Now);

        var best = result.Options[0];
        Assert.Equal(Utc(2026, 3, 2, 13, 30), best.Start);
        Assert.Contains(best.Reasons, r => r.Code == "candidatePreferredTime" && r.Points == 30);
        Assert.Contains(best.Reasons, r => r.Code == "packing" && r.Points == PackingScorer.SplitPenalty);
    }

    [Fact]
    public void Schedule_FreeTimeRunningPastTheWindow_WindowBoundsAreNotEdges()
    {
        var always = new ParticipantAvailabilityInput("x", UtcZone, [WeeklyTimeRule.Always]);
        var window = new TimeInterval(Utc(2026, 3, 2, 13), Utc(2026, 3, 2, 15));

        var open = SchedulingEngine.Schedule(Single("cand", 60, window, "x") with { MaxProposals = 10 }, [Person("cand", UtcZone), always], Now);
        var closed = SchedulingEngine.Schedule(Single("cand", 60, window, "x") with { MaxProposals = 10 }, [Person("cand", UtcZone), TwoHourInterviewer()], Now);

        // The same two hours: bounded by the window, nothing is known beyond them, so packing says nothing;
        // bounded by working hours, the interviewer's free time is packed from its edges.
        Assert.Equal(5, open.Options.Count);
        Assert.All(open.Options, o => Assert.DoesNotContain(o.Reasons, r => r.Code == "packing"));
        Assert.Equal([Utc(2026, 3, 2, 13), Utc(2026, 3, 2, 14)], closed.Options.Take(2).Select(o => o.Start));
    }

    [Fact]
    public void Schedule_SameInputTwice_SameRankingAndReasons()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone, Span(Utc(2026, 3, 2, 11, 45), 90), Span(Utc(2026, 3, 3, 14), 30)) };
        var request = Single("cand", 45, Days(Monday, 3), "x") with { MaxProposals = 30 };

        var first = SchedulingEngine.Schedule(request, people, Now);
        var second = SchedulingEngine.Schedule(request, people, Now);

        Assert.Equal(Describe(first), Describe(second));
    }

    /// <summary>How many interviews fit end to end from the first quarter hour the buffer allows, each followed by both buffers, rounded up to the quarter hour.</summary>
    private static int EndToEnd(Instant freeFrom, Instant freeTo, int minutes, int buffer)
    {
        var quarter = Duration.FromMinutes(15);
        var start = Ceiling(freeFrom + Duration.FromMinutes(buffer), quarter);
        var spacing = Ceiling(Instant.FromUnixTimeTicks(0) + Duration.FromMinutes(minutes + (2 * buffer)), quarter) - Instant.FromUnixTimeTicks(0);
        var count = 0;
        for (var s = start; s + Duration.FromMinutes(minutes + buffer) <= freeTo; s += spacing)
        {
            count++;
        }

        return count;
    }

    private static Instant Ceiling(Instant instant, Duration step)
    {
        var ticks = instant.ToUnixTimeTicks();
        var size = step.BclCompatibleTicks;
        return Instant.FromUnixTimeTicks((ticks + size - 1) / size * size);
    }

    private static List<string> Describe(SchedulingResult result) =>
        [.. result.Options.Select(o => $"{o.Start} {o.Score} {string.Join("; ", o.Reasons.Select(r => $"{r.Code} {r.Points} {r.Description}"))}")];
}
