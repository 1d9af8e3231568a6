using static Scheduler.Scheduling.Tests.TestData;

namespace Scheduler.Scheduling.Tests;

public sealed class SchedulingEngineTests
{
    [Fact]
    public void Schedule_PanelWithBusyInterviewer_AvoidsBusyAndPicksEarliestBest()
    {
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("a", UtcZone, Span(Utc(2026, 3, 2, 9), 120)),
            Person("b", UtcZone),
        };

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 1), "a", "b"), people, Now);

        Assert.True(result.HasOptions);
        Assert.All(result.Options, o => Assert.True(o.Start >= Utc(2026, 3, 2, 11)));
        Assert.Equal(["a", "b"], result.Options[0].Stages[0].InterviewerIds);
    }

    [Fact]
    public void Schedule_Buffers_KeepBufferFreeAroundBusy()
    {
        var busy = Span(Utc(2026, 3, 2, 10), 60);
        var interviewer = Person("a", UtcZone, busy) with { BufferBeforeMinutes = 15, BufferAfterMinutes = 30 };
        var people = new[] { Person("cand", UtcZone), interviewer };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "a") with { MaxProposals = 50 }, people, Now);

        Assert.All(result.Options, o =>
            Assert.False(new TimeInterval(o.Start - Duration.FromMinutes(15), o.End + Duration.FromMinutes(30)).Overlaps(busy)));
        Assert.Contains(result.Options, o => o.End == Utc(2026, 3, 2, 9, 30));
        Assert.Contains(result.Options, o => o.Start == Utc(2026, 3, 2, 11, 15));
    }

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Pacific/Chatham")]
    public void Schedule_OddOffsetCandidate_AlignsToLocalQuarterHours(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var people = new[] { Person("cand", zone), new ParticipantAvailabilityInput("a", UtcZone, [WeeklyTimeRule.Always]) };

        var result = SchedulingEngine.Schedule(Single("cand", 45, Days(Monday, 3), "a") with { MaxProposals = 30 }, people, Now);

        Assert.NotEmpty(result.Options);
        Assert.All(result.Options, o =>
        {
            Assert.Equal(0, o.Start.InZone(zone).Minute % 15);
            Assert.True(SlotGrid.IsAligned(o.Start, 15, zone));
        });
        Assert.Contains(result.Options, o => o.Start.InZone(zone).TimeOfDay == new LocalTime(9, 0));
    }

    [Fact]
    public void SlotGrid_Kathmandu_StartsOnLocalGridNotUtcGrid()
    {
        var start = At(Kathmandu, 2026, 3, 2, 9);
        var free = IntervalSet.Single(Span(start, 60));

        var starts = SlotGrid.Starts(free, Duration.FromMinutes(30), 15, Kathmandu);

        Assert.Equal(["2026-03-02 09:00", "2026-03-02 09:15", "2026-03-02 09:30"], starts.Select(s => Local(s, Kathmandu)));
        Assert.Equal(15, starts[0].InUtc().Minute); // 09:00 +05:45 is 03:15 UTC
    }

    [Fact]
    public void SlotGrid_GranularityNotDividingDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotGrid.Starts(IntervalSet.Empty, Duration.FromMinutes(30), 7, UtcZone));
    }

    [Fact]
    public void Schedule_MinimumNotice_NoStartBeforeNowPlusNotice()
    {
        var now = Utc(2026, 3, 2, 10, 7);
        var people = new[] { Person("cand", UtcZone), Person("a", UtcZone) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "a") with { MinimumNoticeMinutes = 120, MaxProposals = 40 }, people, now);

        Assert.All(result.Options, o => Assert.True(o.Start >= Utc(2026, 3, 2, 12, 15)));
        Assert.Contains(result.Options, o => o.Start == Utc(2026, 3, 2, 12, 15));
    }

    [Fact]
    public void Schedule_DailyCapReachedOnFirstDay_ProposesOnlyLaterDays()
    {
        var booked = new[] { Utc(2026, 3, 2, 9), Utc(2026, 3, 2, 11) };
        var interviewer = Person("a", UtcZone, Span(booked[0], 60), Span(booked[1], 60)) with { MaxInterviewsPerDay = 2, BookedInterviewStarts = booked };
        var people = new[] { Person("cand", UtcZone), interviewer };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 2), "a") with { MaxProposals = 40 }, people, Now);

        Assert.NotEmpty(result.Options);
        Assert.All(result.Options, o => Assert.Equal(new LocalDate(2026, 3, 3), o.Start.InUtc().Date));
    }

    [Fact]
    public void Schedule_DailyCapCountedInInterviewersLocalDay()
    {
        // 23:30 UTC Monday is already Tuesday 05:00 in Kolkata: it counts against Tuesday there.
        var booked = Utc(2026, 3, 2, 23, 30);
        var interviewer = new ParticipantAvailabilityInput("a", Kolkata, [WeeklyTimeRule.Always]) { MaxInterviewsPerDay = 1, BookedInterviewStarts = [booked] };
        var people = new[] { new ParticipantAvailabilityInput("cand", UtcZone, [WeeklyTimeRule.Always]), interviewer };
        var window = new TimeInterval(Utc(2026, 3, 2, 0), Utc(2026, 3, 4, 0));

        var result = SchedulingEngine.Schedule(Single("cand", 60, window, "a") with { MaxProposals = 200 }, people, Now);

        Assert.All(result.Options, o => Assert.NotEqual(new LocalDate(2026, 3, 3), o.Start.InZone(Kolkata).Date));
        Assert.Contains(result.Options, o => o.Start.InZone(Kolkata).Date == new LocalDate(2026, 3, 2));
    }

    [Fact]
    public void Schedule_WeeklyCapReached_NoAvailabilityNamesInterviewer()
    {
        var booked = new[] { Utc(2026, 3, 2, 9), Utc(2026, 3, 3, 9), Utc(2026, 3, 4, 9) };
        var interviewer = Person("a", UtcZone) with { MaxInterviewsPerWeek = 3, BookedInterviewStarts = booked };
        var people = new[] { Person("cand", UtcZone), interviewer };

        var result = SchedulingEngine.Schedule(Single("cand", 30, new TimeInterval(Utc(2026, 3, 5, 0), Utc(2026, 3, 7, 0)), "a"), people, Now);

        Assert.False(result.HasOptions);
        Assert.Equal(NoAvailabilityReason.WeeklyCapReached, result.NoAvailability!.Reason);
        Assert.Equal("a", result.NoAvailability.ParticipantId);
        Assert.Contains("3 interviews per week", result.NoAvailability.Message);
    }

    [Fact]
    public void Schedule_DailyCapEveryDay_NoAvailabilityNamesDailyCap()
    {
        var booked = new[] { Utc(2026, 3, 2, 9), Utc(2026, 3, 3, 9) };
        var interviewer = Person("x", UtcZone) with { MaxInterviewsPerDay = 1, BookedInterviewStarts = booked };
        var people = new[] { Person("cand", UtcZone), interviewer };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 2), "x"), people, Now);

        Assert.Equal(NoAvailabilityReason.DailyCapReached, result.NoAvailability!.Reason);
        Assert.Equal("Interviewer x reached the maximum of 1 interviews per day on every day with free time in the window.", result.NoAvailability.Message);
    }

    [Fact]
    public void Schedule_Pool_PicksLeastRecentlyBookedThenKey()
    {
        var recent = Now - Duration.FromDays(2);
        var old = Now - Duration.FromDays(60);
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("p1", UtcZone) with { BookedInterviewStarts = [recent, recent] },
            Person("p2", UtcZone) with { BookedInterviewStarts = [recent] },
            Person("p3", UtcZone) with { BookedInterviewStarts = [recent, old, old] },
            Person("p4", UtcZone) with { BookedInterviewStarts = [recent, recent, recent] },
        };
        var stage = new StageRequest("Panel", 60, []) { Pools = [new PoolRequirement("pool", 2, ["p4", "p1", "p2", "p3"])] };

        var result = SchedulingEngine.Schedule(new SchedulingRequest("cand", [stage], Days(Monday, 1)), people, Now);

        Assert.All(result.Options, o => Assert.Equal(["p2", "p3"], o.Stages[0].InterviewerIds));
    }

    [Fact]
    public void Schedule_PoolMemberBusy_NextFairestMemberFillsIn()
    {
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("p1", UtcZone, Span(Utc(2026, 3, 2, 9), 240)),
            Person("p2", UtcZone),
            Person("p3", UtcZone),
        };
        var stage = new StageRequest("Panel", 60, ["p2"]) { Pools = [new PoolRequirement("pool", 1, ["p1", "p2", "p3"])] };

        var result = SchedulingEngine.Schedule(new SchedulingRequest("cand", [stage], Days(Monday, 1)) with { MaxProposals = 40 }, people, Now);

        Assert.Contains(result.Options, o => o.Start < Utc(2026, 3, 2, 13) && o.Stages[0].InterviewerIds.SequenceEqual(["p2", "p3"]));
        Assert.Contains(result.Options, o => o.Start >= Utc(2026, 3, 2, 13) && o.Stages[0].InterviewerIds.SequenceEqual(["p2", "p1"]));
    }

    [Fact]
    public void Schedule_Loop_StagesInOrderWithGapsInBoundsOnOneDay()
    {
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("a", UtcZone, Span(Utc(2026, 3, 2, 10), 60)),
            Person("b", UtcZone, Span(Utc(2026, 3, 2, 9), 90)),
        };
        var request = new SchedulingRequest("cand", [new StageRequest("One", 45, ["a"]), new StageRequest("Two", 60, ["b"])], Days(Monday, 2))
        {
            Sequencing = new SequencingRules(true, 15, 30),
            MaxProposals = 20,
        };

        var result = SchedulingEngine.Schedule(request, people, Now);

        Assert.NotEmpty(result.Options);
        Assert.All(result.Options, o =>
        {
            var gap = o.Stages[1].Start - o.Stages[0].End;
            Assert.InRange(gap, Duration.FromMinutes(15), Duration.FromMinutes(30));
            Assert.Equal(o.Stages[0].Start.InUtc().Date, o.Stages[1].End.InUtc().Date);
            Assert.Equal(["a"], o.Stages[0].InterviewerIds);
            Assert.Equal(["b"], o.Stages[1].InterviewerIds);
            Assert.False(o.Stages[0].Interval.Overlaps(Span(Utc(2026, 3, 2, 10), 60)));
            Assert.False(o.Stages[1].Interval.Overlaps(Span(Utc(2026, 3, 2, 9), 90)));
        });
    }

    [Fact]
    public void Schedule_LoopThatCannotBeSequenced_DiagnosesSequencing()
    {
        // a is free only in the morning, b only in the afternoon; gaps of at most 30 minutes cannot bridge them.
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("a", UtcZone, Span(Utc(2026, 3, 2, 12), 300)),
            Person("b", UtcZone, Span(Utc(2026, 3, 2, 9), 240)),
        };
        var request = new SchedulingRequest("cand", [new StageRequest("One", 60, ["a"]), new StageRequest("Two", 60, ["b"])], Days(Monday, 1))
        {
            Sequencing = new SequencingRules(true, 0, 30),
        };

        var result = SchedulingEngine.Schedule(request, people, Now);

        Assert.Equal(NoAvailabilityReason.SequencingImpossible, result.NoAvailability!.Reason);
    }

    [Fact]
    public void Schedule_RequiredPreferredTimesNeverMeetInterviewerHours_NamesInterviewerAndPreferredTimes()
    {
        var people = new[]
        {
            new ParticipantAvailabilityInput("cand", UtcZone, [WeeklyTimeRule.Always]),
            new ParticipantAvailabilityInput("x", UtcZone, [NineToFive()]),
        };
        var request = Single("cand", 30, Days(Monday, 5), "x") with
        {
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(18, 0), new LocalTime(21, 0))],
            CandidatePreferredTimesRequired = true,
        };

        var result = SchedulingEngine.Schedule(request, people, Now);

        Assert.Equal(NoAvailabilityReason.NoWorkingHoursOverlap, result.NoAvailability!.Reason);
        Assert.Equal("x", result.NoAvailability.ParticipantId);
        Assert.Equal("No overlap between interviewer x's working hours and the candidate's preferred times on any day in the window.", result.NoAvailability.Message);
    }

    [Fact]
    public void Schedule_WorkingHoursNeverOverlap_DiagnosesWorkingHoursOverlap()
    {
        var people = new[] { Person("cand", Kolkata), Person("x", NewYork) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 5), "x"), people, Now);

        Assert.Equal(NoAvailabilityReason.NoWorkingHoursOverlap, result.NoAvailability!.Reason);
        Assert.Equal("x", result.NoAvailability.ParticipantId);
    }

    [Fact]
    public void Schedule_InterviewerBusyAllWeek_DiagnosesBusy()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone, Days(Monday, 7)) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 5), "x"), people, Now);

        Assert.Equal(NoAvailabilityReason.BusyAllWorkingHours, result.NoAvailability!.Reason);
        Assert.Equal("x", result.NoAvailability.ParticipantId);
    }

    [Fact]
    public void Schedule_OnlyShortCommonGaps_DiagnosesLength()
    {
        var busy = Enumerable.Range(0, 16).Select(i => Span(Utc(2026, 3, 2, 9) + Duration.FromMinutes(30 * i + 20), 10)).ToArray();
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone, busy) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "x"), people, Now);

        Assert.Equal(NoAvailabilityReason.NoSlotLongEnough, result.NoAvailability!.Reason);
    }

    [Fact]
    public void Schedule_WindowBeforeNotice_DiagnosesWindowClosed()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "x"), people, Monday + Duration.FromDays(2));

        Assert.Equal(NoAvailabilityReason.WindowClosed, result.NoAvailability!.Reason);
    }

    [Fact]
    public void Schedule_PoolAllBusy_DiagnosesPool()
    {
        var people = new[] { Person("cand", UtcZone), Person("p1", UtcZone, Days(Monday, 1)), Person("p2", UtcZone) };
        var stage = new StageRequest("S", 30, []) { Pools = [new PoolRequirement("pool", 2, ["p1", "p2"])] };

        var result = SchedulingEngine.Schedule(new SchedulingRequest("cand", [stage], Days(Monday, 1)), people, Now);

        Assert.Equal(NoAvailabilityReason.PoolUnavailable, result.NoAvailability!.Reason);
        Assert.Contains("pool", result.NoAvailability.Message);
    }

    [Fact]
    public void Schedule_PoolMembersNeverFreeTogether_DiagnosesPoolNotCaps()
    {
        // Each member is free for the stage on their own (p1 in the morning, p2 in the afternoon), but the stage needs both at once.
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("p1", UtcZone, Span(Utc(2026, 3, 2, 12), 300)),
            Person("p2", UtcZone, Span(Utc(2026, 3, 2, 9), 180)),
        };
        var stage = new StageRequest("S", 30, []) { Pools = [new PoolRequirement("pool", 2, ["p1", "p2"])] };

        var result = SchedulingEngine.Schedule(new SchedulingRequest("cand", [stage], Days(Monday, 1)), people, Now);

        Assert.False(result.HasOptions);
        Assert.Equal(NoAvailabilityReason.PoolUnavailable, result.NoAvailability!.Reason);
        Assert.Equal("S", result.NoAvailability.StageName);
        Assert.Contains("never together", result.NoAvailability.Message, StringComparison.Ordinal);
        Assert.Contains("2 of pool pool", result.NoAvailability.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_LaterStagePoolMembersNeverFreeTogether_NamesThatStage()
    {
        var people = new[]
        {
            Person("cand", UtcZone),
            Person("x", UtcZone),
            Person("p1", UtcZone, Span(Utc(2026, 3, 2, 12), 300)),
            Person("p2", UtcZone, Span(Utc(2026, 3, 2, 9), 180)),
        };
        var first = new StageRequest("A", 30, ["x"]);
        var second = new StageRequest("B", 30, []) { Pools = [new PoolRequirement("pool", 2, ["p1", "p2"])] };

        var result = SchedulingEngine.Schedule(new SchedulingRequest("cand", [first, second], Days(Monday, 1)), people, Now);

        Assert.False(result.HasOptions);
        Assert.Equal(NoAvailabilityReason.PoolUnavailable, result.NoAvailability!.Reason);
        Assert.Equal("B", result.NoAvailability.StageName);
    }

    [Fact]
    public void Schedule_MissingParticipant_Throws()
    {
        Assert.Throws<ArgumentException>(() => SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "x"), [Person("cand", UtcZone)], Now));
    }

    [Fact]
    public void Schedule_TopFive_SpreadAcrossDays()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 5), "x"), people, Now);

        Assert.Equal(5, result.Options.Count);
        Assert.Equal(5, result.Options.Select(o => o.Start.InUtc().Date).Distinct().Count());
        Assert.Equal(result.Options.OrderByDescending(o => o.Score).Select(o => o.Score), result.Options.Select(o => o.Score));
    }

    [Fact]
    public void Schedule_SingleDayManyProposals_StartsAtLeastNinetyMinutesApartFirst()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone) };

        var result = SchedulingEngine.Schedule(Single("cand", 30, Days(Monday, 1), "x") with { MaxProposals = 4 }, people, Now);

        var starts = result.Options.Select(o => o.Start).Order().ToList();
        Assert.Equal(4, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Duration.FromMinutes(90)));
    }

    [Fact]
    public void Schedule_CandidatePreferredAfternoon_RanksAfternoonFirstWithReason()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone) };
        var request = Single("cand", 60, Days(Monday, 1), "x") with
        {
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(14, 0), new LocalTime(16, 0))],
        };

        var result = SchedulingEngine.Schedule(request, people, Now);

        var best = result.Options[0];
        Assert.InRange(best.Start.InUtc().Hour, 14, 14);
        var reason = Assert.Single(best.Reasons, r => r.Code == "candidatePreferredTime");
        Assert.Equal(30, reason.Points);
        Assert.Equal(best.Score, best.Reasons.Sum(r => r.Points), 6);
    }

    [Fact]
    public void Schedule_BackToBackAndFragmenting_ArePenalisedWithReasons()
    {
        var people = new[] { Person("cand", UtcZone), Person("x", UtcZone, Span(Utc(2026, 3, 2, 12), 60)) };

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 1), "x") with { MaxProposals = 40 }, people, Now);

        var adjacent = Assert.Single(result.Options, o => o.Start == Utc(2026, 3, 2, 11));
        Assert.Contains(adjacent.Reasons, r => r.Code == "backToBack" && r.Points < 0 && r.Description.Contains('x'));
        var sliver = Assert.Single(result.Options, o => o.Start == Utc(2026, 3, 2, 9, 15));
        Assert.Contains(sliver.Reasons, r => r.Code == "fragmentsFreeTime" && r.Points < 0);
    }

    [Fact]
    public void Schedule_InterviewerPreferredTimes_ScoredAndNeverOverrideHardConstraints()
    {
        var x = Person("x", UtcZone, Span(Utc(2026, 3, 2, 9), 120)) with
        {
            PreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(9, 0), new LocalTime(11, 0))],
        };
        var people = new[] { Person("cand", UtcZone), x };

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 1), "x") with { MaxProposals = 40 }, people, Now);

        Assert.All(result.Options, o => Assert.True(o.Start >= Utc(2026, 3, 2, 11)));
        Assert.All(result.Options, o => Assert.Contains(o.Reasons, r => r.Code == "interviewerPreferredTime" && r.Points == 0));
    }

    [Fact]
    public void Schedule_DateOverrideUnavailable_SkipsThatDate()
    {
        var x = Person("x", UtcZone) with { DateOverrides = [DateOverride.Unavailable(new LocalDate(2026, 3, 2))] };
        var people = new[] { Person("cand", UtcZone), x };

        var result = SchedulingEngine.Schedule(Single("cand", 60, Days(Monday, 2), "x") with { MaxProposals = 40 }, people, Now);

        Assert.All(result.Options, o => Assert.Equal(new LocalDate(2026, 3, 3), o.Start.InUtc().Date));
    }
}
