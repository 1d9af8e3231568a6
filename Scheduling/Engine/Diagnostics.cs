namespace Scheduler.Scheduling.Engine;

/// <summary>
/// Explains an empty result by re-applying the constraints one at a time in a fixed order and reporting the
/// first one that empties the search: the window; each person's working hours, busy time and caps; the
/// candidate's required preferred times; each interviewer against the candidate (working hours, then free time);
/// each stage's whole panel; stage length; grid alignment; pools (each member alone, then all the seats at one time);
/// sequencing; caps across stages.
/// </summary>
internal static class Diagnostics
{
    public static NoAvailability Diagnose(RequestPlan plan)
    {
        var search = plan.Search;
        if (search.IsEmpty)
        {
            return new(NoAvailabilityReason.WindowClosed,
                $"The request window ends before now plus the minimum notice of {plan.Request.MinimumNoticeMinutes} minutes.");
        }

        var candidate = plan.Candidate;
        var people = new List<(EngineParticipant State, string Role)> { (candidate, "the candidate") };
        foreach (var stage in plan.Stages)
        {
            foreach (var p in stage.Panel)
            {
                if (!people.Exists(x => x.State == p))
                {
                    people.Add((p, $"interviewer {p.Id}"));
                }
            }
        }

        foreach (var (p, role) in people)
        {
            if (p.Working.Clip(search).IsEmpty)
            {
                return new(NoAvailabilityReason.NoWorkingHours, $"{Capital(role)} has no working hours in the window.", p.Id);
            }

            if (p.Free.Clip(search).IsEmpty)
            {
                return new(NoAvailabilityReason.BusyAllWorkingHours, $"{Capital(role)} is busy (including buffers) during all working hours in the window.", p.Id);
            }

            if (p == candidate)
            {
                continue;
            }

            var afterDayCap = p.Free.Clip(search).Subtract(p.DayCapBlocked);
            if (afterDayCap.IsEmpty)
            {
                return new(NoAvailabilityReason.DailyCapReached,
                    $"{Capital(role)} reached the maximum of {p.Input.MaxInterviewsPerDay} interviews per day on every day with free time in the window.", p.Id);
            }

            if (afterDayCap.Subtract(p.WeekCapBlocked).IsEmpty)
            {
                return new(NoAvailabilityReason.WeeklyCapReached,
                    $"{Capital(role)} reached the maximum of {p.Input.MaxInterviewsPerWeek} interviews per week in every week with free time in the window.", p.Id);
            }
        }

        var requiredPreferences = plan.Request.CandidatePreferredTimesRequired && plan.Request.CandidatePreferredTimes.Count > 0;
        var candidateHours = candidate.Working.Clip(search);
        var candidateHoursName = "the candidate's working hours";
        if (requiredPreferences)
        {
            if (plan.CandidateAvailable.IsEmpty)
            {
                return new(NoAvailabilityReason.NoPreferredTimeOverlap,
                    "The candidate's preferred times never fall in their free working time in the window.", candidate.Id);
            }

            candidateHours = candidateHours.Intersect(plan.CandidatePreferred);
            candidateHoursName = "the candidate's preferred times";
        }

        foreach (var (p, role) in people)
        {
            if (p == candidate)
            {
                continue;
            }

            if (candidateHours.Intersect(p.Working).IsEmpty)
            {
                return new(NoAvailabilityReason.NoWorkingHoursOverlap,
                    $"No overlap between {role}'s working hours and {candidateHoursName} on any day in the window.", p.Id);
            }

            if (plan.CandidateAvailable.Intersect(p.Available).IsEmpty)
            {
                return new(NoAvailabilityReason.NoCommonFreeTime,
                    $"{Capital(role)} and the candidate are never free at the same time in the window.", p.Id);
            }
        }

        foreach (var stage in plan.Stages)
        {
            var common = plan.CandidateAvailable;
            foreach (var p in stage.Panel)
            {
                common = common.Intersect(p.Available);
            }

            var panelNames = stage.Panel.Length == 0 ? "the candidate" : "the candidate and " + string.Join(", ", stage.Panel.Select(p => p.Id));
            if (common.IsEmpty)
            {
                return new(NoAvailabilityReason.NoCommonFreeTime,
                    $"For stage '{stage.Name}', {panelNames} are never all free at the same time in the window.", null, stage.Name);
            }

            if (stage.Feasible.IsEmpty)
            {
                var longest = common.Max(i => i.Duration.TotalMinutes);
                return new(NoAvailabilityReason.NoSlotLongEnough,
                    $"For stage '{stage.Name}', {panelNames} are free together for at most {longest:0} minutes at a time, less than the {stage.Request.DurationMinutes} minutes needed.", null, stage.Name);
            }

            if (stage.Index == 0 && SlotGrid.Starts(stage.Feasible, stage.Length, plan.Request.SlotGranularityMinutes, candidate.Zone).Count == 0)
            {
                return new(NoAvailabilityReason.NoAlignedStart,
                    $"For stage '{stage.Name}', the common free time never holds {stage.Request.DurationMinutes} minutes starting on the {plan.Request.SlotGranularityMinutes}-minute grid of the candidate's local time.", null, stage.Name);
            }

            foreach (var pool in stage.Pools)
            {
                var free = 0;
                foreach (var member in pool.MembersByFairness)
                {
                    if (!stage.Panel.Contains(member) && !stage.Feasible.Intersect(member.Available).WithMinimumLength(stage.Length).IsEmpty)
                    {
                        free++;
                    }
                }

                if (free < pool.Count)
                {
                    return new(NoAvailabilityReason.PoolUnavailable,
                        $"For stage '{stage.Name}', only {free} of the {pool.MembersByFairness.Length} members of pool {pool.Request.PoolId} are ever free for {stage.Request.DurationMinutes} minutes while {panelNames} are; {pool.Count} are needed.", null, stage.Name);
                }
            }

            if (stage.HasPools && !PoolsFillTogether(plan, stage))
            {
                var needs = string.Join(" and ", stage.Pools.Select(p => $"{p.Count} of pool {p.Request.PoolId}"));
                return new(NoAvailabilityReason.PoolUnavailable,
                    $"For stage '{stage.Name}', enough pool members are free one by one, but never together: no {stage.Request.DurationMinutes}-minute time while {panelNames} are free has {needs} free at once.", null, stage.Name);
            }
        }

        if (plan.Stages.Length > 1)
        {
            var relaxed = RelaxedSequencingPossible(plan);
            if (!relaxed)
            {
                var s = plan.Request.Sequencing;
                return new(NoAvailabilityReason.SequencingImpossible,
                    $"Every stage fits somewhere, but never in order with breaks of {s.MinGapMinutes}–{s.MaxGapMinutes} minutes{(s.SameDay ? " on one local day of the candidate" : "")}.");
            }
        }

        return new(NoAvailabilityReason.CapsExceededByInterview,
            "Every stage fits, but only with an interviewer attending more interviews on one day or in one week than their caps allow.");
    }

    /// <summary>
    /// Whether the stage's pools can be filled at one time, as the option search fills them (<see cref="OptionSearch.TryFillPools"/>):
    /// the first stage at its grid starts; a later stage, whose start follows the stage before it, at every time a member's free
    /// time or the stage's feasible time begins (a fitting start can always be moved back to such a time).
    /// </summary>
    private static bool PoolsFillTogether(RequestPlan plan, StagePlan stage)
    {
        IEnumerable<Instant> starts;
        if (stage.Index == 0)
        {
            starts = SlotGrid.Starts(stage.Feasible, stage.Length, plan.Request.SlotGranularityMinutes, plan.Candidate.Zone);
        }
        else
        {
            var edges = new SortedSet<Instant>(stage.Feasible.Select(i => i.Start));
            foreach (var member in stage.Pools.SelectMany(p => p.MembersByFairness))
            {
                edges.UnionWith(member.Available.Intersect(stage.Feasible).Select(i => i.Start));
            }

            starts = edges.Where(t => stage.Feasible.Contains(TimeInterval.FromStart(t, stage.Length)));
        }

        var scratch = new EngineParticipant[plan.Stages.Length][];
        return starts.Any(start => OptionSearch.TryFillPools(stage, start, scratch, OptionSearch.IsAvailable));
    }

    /// <summary>Whether stages could be chained when pools and caps are ignored (to tell sequencing apart from the rest).</summary>
    private static bool RelaxedSequencingPossible(RequestPlan plan)
    {
        var first = plan.Stages[0];
        var times = new Instant[plan.Stages.Length];
        var people = new EngineParticipant[plan.Stages.Length][];
        return SlotGrid.Starts(first.Feasible, first.Length, plan.Request.SlotGranularityMinutes, plan.Candidate.Zone).Any(start =>
            OptionSearch.Chain(plan, 1, start + first.Length, plan.Candidate.LocalDateOf(start), times, people, repeated: false, static (_, _, _) => true));
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
