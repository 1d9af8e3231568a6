namespace Scheduler.Scheduling.Tests;

/// <summary>
/// Generated participants, calendars and requests (random zones including +05:30/+05:45/+12:45 and 30-minute DST,
/// dates across 2026–2027, buffers, caps, pools, loops): every proposal must satisfy every hard constraint, checked
/// by oracles written independently of the engine.
/// </summary>
public sealed class SchedulingPropertyTests
{
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void Schedule_GeneratedScenarios_EveryProposalSatisfiesHardConstraints()
    {
        var withOptions = 0;
        var prop = Prop.ForAll(Arb.From(ScenarioGenerators.SingleRequest), scenario =>
        {
            var request = scenario.Requests[0];
            var result = SchedulingEngine.Schedule(request, scenario.People, scenario.Now);
            if (result.HasOptions == (result.NoAvailability is not null))
            {
                return false;
            }

            withOptions += result.HasOptions ? 1 : 0;
            foreach (var option in result.Options)
            {
                var problem = Oracle.Check(scenario, request, option, []);
                if (problem is not null)
                {
                    throw new InvalidOperationException($"{problem}\n{scenario}");
                }
            }

            return true;
        });

        Check.One(Config, prop);
        Assert.True(withOptions > 30, $"Only {withOptions} generated scenarios had options; the generator is too strict to test anything.");
    }

    [Fact]
    public void BatchSchedule_GeneratedScenarios_ConflictFreeCapsHeldAndNeverBelowGreedy()
    {
        var (booked, solverWins) = CheckBatches(new BatchOptions(OptionsPerRequest: 8));

        Assert.True(booked > 100, $"Only {booked} requests were booked over all generated batches.");
        Assert.True(solverWins > 3, $"CP-SAT's plan won only {solverWins} times; the generated batches hardly test its plans.");
    }

    [Fact]
    public void BatchSchedule_GeneratedScenariosSolvedInChunksOfTwo_ConflictFreeCapsHeldAndNeverBelowGreedy()
    {
        var (booked, solverWins) = CheckBatches(new BatchOptions(OptionsPerRequest: 8) { SolverChunkSize = 2 });

        Assert.True(booked > 100, $"Only {booked} requests were booked over all generated batches.");
        Assert.True(solverWins > 3, $"CP-SAT's plan won only {solverWins} times; the generated batches hardly test its plans.");
    }

    /// <summary>
    /// Schedules generated batches and checks every booking against the raw scenario with <see cref="Oracle"/> (not with the
    /// engine's ledger or the solver's model): conflict-free across requests with buffers, caps, working hours, windows,
    /// loops; also booked between greedy and the reported bound. Returns the bookings and how often CP-SAT's plan won.
    /// </summary>
    private static (int Booked, int SolverWins) CheckBatches(BatchOptions options)
    {
        int booked = 0, solverWins = 0;
        var prop = Prop.ForAll(Arb.From(ScenarioGenerators.Batch), scenario =>
        {
            var result = BatchScheduler.Schedule(scenario.Requests, scenario.People, scenario.Now, options);
            if (result.BookedCount < result.GreedyBookedCount || result.BookedCount > result.UpperBound
                || result.BookedCount != result.Assignments.Count(a => a.IsBooked)
                || (result.Solver.BookedBound is { } bound && bound < result.BookedCount)
                || (result.Solver.OptimalityProven && result.Solver.BookedBound != result.BookedCount))
            {
                throw new InvalidOperationException($"booked {result.BookedCount}, greedy {result.GreedyBookedCount}, bound {result.UpperBound}, solver {result.Solver}\n{scenario}");
            }

            booked += result.BookedCount;
            solverWins += result.Strategy == "cpSat" ? 1 : 0;
            var others = new List<(string Person, TimeInterval Interval, string Request)>();
            foreach (var a in result.Assignments.Where(a => a.IsBooked))
            {
                var request = scenario.Requests[a.Index];
                var problem = Oracle.Check(scenario, request, a.Option!, others);
                if (problem is not null)
                {
                    throw new InvalidOperationException($"{problem} ({result.Strategy})\n{scenario}");
                }

                foreach (var stage in a.Option!.Stages)
                {
                    others.Add((request.CandidateId, stage.Interval, request.RequestId));
                    others.AddRange(stage.InterviewerIds.Select(id => (id, stage.Interval, request.RequestId)));
                }
            }

            return true;
        });

        Check.One(Config, prop);
        return (booked, solverWins);
    }
}

/// <summary>Independent checks of one option against the raw scenario data.</summary>
internal static class Oracle
{
    /// <summary>
    /// Returns a description of the first violated constraint, or null. <c>others</c> are bookings of other requests
    /// in the same batch (person, interval, request id), counted for overlap and caps.
    /// </summary>
    public static string? Check(Scenario scenario, SchedulingRequest request, ScheduleOption option, List<(string Person, TimeInterval Interval, string Request)> others)
    {
        if (option.Stages.Count != request.Stages.Count)
        {
            return "stage count";
        }

        var candidate = scenario[request.CandidateId];
        var earliest = scenario.Now + Duration.FromMinutes(request.MinimumNoticeMinutes);
        var first = option.Stages[0].Start.InZone(candidate.Zone).LocalDateTime;
        if ((first.Hour * 60 + first.Minute) % request.SlotGranularityMinutes != 0 || first.Second != 0 || first.TickOfSecond != 0)
        {
            return $"first start {first} not on the {request.SlotGranularityMinutes}-minute grid of {candidate.Zone.Id}";
        }

        for (var s = 0; s < option.Stages.Count; s++)
        {
            var stage = option.Stages[s];
            var spec = request.Stages[s];
            if (stage.End - stage.Start != Duration.FromMinutes(spec.DurationMinutes))
            {
                return "duration";
            }

            if (stage.Start < earliest || stage.Start < request.Window.Start || stage.End > request.Window.End)
            {
                return $"stage {s} {stage.Interval} outside window/notice";
            }

            if (!spec.InterviewerIds.All(stage.InterviewerIds.Contains))
            {
                return "panel incomplete";
            }

            var expected = spec.InterviewerIds.Count + spec.Pools.Sum(p => p.Count);
            if (stage.InterviewerIds.Count != expected || stage.InterviewerIds.Distinct().Count() != expected)
            {
                return "pool count or duplicate interviewer";
            }

            if (!stage.InterviewerIds.All(id => spec.InterviewerIds.Contains(id) || spec.Pools.Any(p => p.MemberIds.Contains(id))))
            {
                return "interviewer not in panel or pool";
            }

            if (s > 0)
            {
                var gap = stage.Start - option.Stages[s - 1].End;
                if (gap < Duration.FromMinutes(request.Sequencing.MinGapMinutes) || gap > Duration.FromMinutes(request.Sequencing.MaxGapMinutes))
                {
                    return $"gap {gap} out of bounds";
                }
            }

            foreach (var id in stage.InterviewerIds.Prepend(request.CandidateId))
            {
                var p = scenario[id];
                var padded = new TimeInterval(stage.Start - Duration.FromMinutes(p.BufferBeforeMinutes), stage.End + Duration.FromMinutes(p.BufferAfterMinutes));
                if (p.Busy.Any(b => b.Overlaps(padded)))
                {
                    return $"{id} busy during {padded} (stage {stage.Interval} with buffers)";
                }

                if (!InsideWorkingHours(p, stage.Interval))
                {
                    return $"{id} not working during {stage.Interval} in {p.Zone.Id}";
                }

                foreach (var other in others.Where(o => o.Person == id))
                {
                    var otherPadded = new TimeInterval(other.Interval.Start - Duration.FromMinutes(p.BufferBeforeMinutes), other.Interval.End + Duration.FromMinutes(p.BufferAfterMinutes));
                    if (other.Interval.Overlaps(padded) || otherPadded.Overlaps(stage.Interval))
                    {
                        return $"{id} double-booked with request {other.Request}";
                    }
                }

                if (id != request.CandidateId && !CapsHeld(p, option, others, stage.Start))
                {
                    return $"{id} over cap";
                }
            }
        }

        if (request.Sequencing.SameDay && option.Stages.Count > 1
            && option.Start.InZone(candidate.Zone).Date != (option.End - Duration.FromTicks(1)).InZone(candidate.Zone).Date)
        {
            return "loop spans two local days";
        }

        if (request.CandidatePreferredTimesRequired)
        {
            foreach (var stage in option.Stages)
            {
                var local = stage.Start.InZone(candidate.Zone).LocalDateTime;
                var rule = request.CandidatePreferredTimes[0];
                if (local.TimeOfDay < rule.Start || (stage.End - Duration.FromTicks(1)).InZone(candidate.Zone).TimeOfDay >= rule.End)
                {
                    return "outside required preferred times";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Checks the rules directly on the local calendar: the occurrences of every rule on the local dates around the
    /// stage (overnight rules end the next day) must cover the stage without a gap (back-to-back occurrences, such as
    /// an all-day rule on consecutive dates, may be crossed).
    /// </summary>
    private static bool InsideWorkingHours(ParticipantAvailabilityInput p, TimeInterval interval)
    {
        var date = interval.Start.InZone(p.Zone).Date;
        var occurrences = new List<TimeInterval>();
        for (var d = date.PlusDays(-1); d <= date.PlusDays(2); d = d.PlusDays(1))
        {
            foreach (var rule in p.WorkingHours.Where(r => r.Days.Contains(d.DayOfWeek)))
            {
                var start = p.Zone.ResolveLocal(d + rule.Start, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant();
                var endDate = rule.End > rule.Start ? d : d.PlusDays(1);
                var end = p.Zone.ResolveLocal(endDate + rule.End, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant();
                if (start < end)
                {
                    occurrences.Add(new TimeInterval(start, end));
                }
            }
        }

        var cursor = interval.Start;
        while (cursor < interval.End)
        {
            var covering = occurrences.Where(o => o.Start <= cursor && cursor < o.End).Select(o => (Instant?)o.End).Max();
            if (covering is null)
            {
                return false;
            }

            cursor = covering.Value;
        }

        return true;
    }

    private static bool CapsHeld(ParticipantAvailabilityInput p, ScheduleOption option, List<(string Person, TimeInterval Interval, string Request)> others, Instant start)
    {
        var starts = p.BookedInterviewStarts
            .Concat(others.Where(o => o.Person == p.ParticipantId).Select(o => o.Interval.Start))
            .Concat(option.Stages.Where(s => s.InterviewerIds.Contains(p.ParticipantId)).Select(s => s.Start))
            .Select(i => i.InZone(p.Zone).Date)
            .ToList();
        var date = start.InZone(p.Zone).Date;
        var monday = date.PlusDays(1 - (int)date.DayOfWeek);
        var perDay = starts.Count(d => d == date);
        var perWeek = starts.Count(d => d >= monday && d < monday.PlusDays(7));
        return (p.MaxInterviewsPerDay is not { } maxDay || perDay <= maxDay) && (p.MaxInterviewsPerWeek is not { } maxWeek || perWeek <= maxWeek);
    }
}
