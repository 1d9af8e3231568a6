namespace Scheduler.Scheduling.Engine;

/// <summary>
/// Enumerates every feasible option of a request: each aligned first-stage start in the first stage's feasible
/// time, followed (for loops) by the earliest chain of later stages whose gaps are in bounds, found by
/// depth-first search with backtracking. Pools are filled per time from the fairness ranking.
/// </summary>
internal static class OptionSearch
{
    private static readonly Duration OneTick = Duration.FromTicks(1);

    public static List<CandidateOption> Enumerate(RequestPlan plan)
    {
        var options = new List<CandidateOption>();
        var first = plan.Stages[0];
        if (first.Feasible.IsEmpty)
        {
            return options;
        }

        var starts = new List<Instant>();
        SlotGrid.AppendStarts(first.Feasible, first.Length, plan.Request.SlotGranularityMinutes, plan.Candidate.Zone, starts);
        var stageCount = plan.Stages.Length;
        var times = new Instant[stageCount];
        var people = new EngineParticipant[stageCount][];
        var needsCopy = false;
        for (var i = 0; i < stageCount; i++)
        {
            needsCopy |= plan.Stages[i].HasPools;
            if (!plan.Stages[i].HasPools)
            {
                people[i] = plan.Stages[i].Panel;
            }
        }

        var repeated = HasRepeatedInterviewer(plan);
        foreach (var start in starts)
        {
            times[0] = start;
            if (first.HasPools && !TryFillPools(first, start, people, IsAvailable))
            {
                continue;
            }

            if (stageCount > 1)
            {
                var day = plan.Request.Sequencing.SameDay ? plan.Candidate.LocalDateOf(start) : default;
                if (!Chain(plan, 1, start + first.Length, day, times, people, repeated, FillsPools))
                {
                    continue;
                }
            }
            else if (repeated && !CapsAllowOption(times, people))
            {
                continue;
            }

            options.Add(new CandidateOption((Instant[])times.Clone(), needsCopy ? CopyPeople(people) : people));
        }

        return options;
    }

    /// <summary>Whether <paramref name="participant"/> can interview during <paramref name="interval"/> on base availability.</summary>
    public static bool IsAvailable(EngineParticipant participant, TimeInterval interval) => participant.Available.Contains(interval);

    /// <summary>
    /// Puts the stage's panel followed by, for each pool, the first <c>Count</c> members in fairness order who are free
    /// (per <paramref name="isFree"/>) and not already in the stage, into <paramref name="people"/>[stage].
    /// </summary>
    public static bool TryFillPools(StagePlan stage, Instant start, EngineParticipant[][] people, Func<EngineParticipant, TimeInterval, bool> isFree)
    {
        var interval = TimeInterval.FromStart(start, stage.Length);
        var chosen = new List<EngineParticipant>(stage.Panel.Length + 2);
        chosen.AddRange(stage.Panel);
        foreach (var pool in stage.Pools)
        {
            var needed = pool.Count;
            foreach (var member in pool.MembersByFairness)
            {
                if (needed == 0)
                {
                    break;
                }

                if (!chosen.Contains(member) && isFree(member, interval))
                {
                    chosen.Add(member);
                    needed--;
                }
            }

            if (needed > 0)
            {
                return false;
            }
        }

        people[stage.Index] = [.. chosen];
        return true;
    }

    /// <summary>
    /// Whether the caps of everyone in the option allow it, counting each stage an interviewer attends
    /// as one interview, plus what <paramref name="alreadyPlaced"/> reports for that person's local day
    /// and ISO week (interviews placed outside the participants' own bookings, e.g. earlier in a batch).
    /// </summary>
    public static bool CapsAllowOption(Instant[] starts, EngineParticipant[][] people, Func<EngineParticipant, LocalDate, LocalDate, (int Day, int Week)>? alreadyPlaced = null)
    {
        for (var s = 0; s < people.Length; s++)
        {
            foreach (var p in people[s])
            {
                if (!p.HasCaps)
                {
                    continue;
                }

                var date = p.LocalDateOf(starts[s]);
                var week = date.IsoWeekStart();
                int sameDay = 0, sameWeek = 0;
                for (var t = 0; t < people.Length; t++)
                {
                    if (Array.IndexOf(people[t], p) < 0)
                    {
                        continue;
                    }

                    var other = p.LocalDateOf(starts[t]);
                    sameDay += other == date ? 1 : 0;
                    sameWeek += other.IsoWeekStart() == week ? 1 : 0;
                }

                var (placedDay, placedWeek) = alreadyPlaced?.Invoke(p, date, week) ?? (0, 0);
                if (!p.CapsAllow(date, sameDay + placedDay, sameWeek + placedWeek))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Chains the stages from <paramref name="index"/> on, each at the earliest grid time whose gap after the stage before
    /// is in bounds, inside its feasible time, on the candidate's <paramref name="day"/> when sequencing requires one day,
    /// and <paramref name="staffed"/> (pools filled into <paramref name="people"/>); once the last stage is placed, the caps
    /// of someone who attends <paramref name="repeated"/> stages must allow the option.
    /// </summary>
    /// <returns>Whether a chain exists; its starts are in <paramref name="times"/>.</returns>
    internal static bool Chain(RequestPlan plan, int index, Instant previousEnd, LocalDate day, Instant[] times, EngineParticipant[][] people, bool repeated, Func<StagePlan, Instant, EngineParticipant[][], bool> staffed)
    {
        var stage = plan.Stages[index];
        var sameDay = plan.Request.Sequencing.SameDay;
        var latest = previousEnd + plan.MaxGap;
        for (var t = previousEnd + plan.MinGap; t <= latest; t += plan.Granularity)
        {
            var end = t + stage.Length;
            if (end > plan.Search.End || (sameDay && plan.Candidate.LocalDateOf(end - OneTick) != day))
            {
                return false;
            }

            if (!stage.Feasible.Contains(new TimeInterval(t, end)) || !staffed(stage, t, people))
            {
                continue;
            }

            times[index] = t;
            if (index == plan.Stages.Length - 1)
            {
                if (!repeated || CapsAllowOption(times, people))
                {
                    return true;
                }
            }
            else if (Chain(plan, index + 1, end, day, times, people, repeated, staffed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FillsPools(StagePlan stage, Instant start, EngineParticipant[][] people) =>
        !stage.HasPools || TryFillPools(stage, start, people, IsAvailable);

    /// <summary>Whether someone could interview in two stages (then caps must be checked per option).</summary>
    private static bool HasRepeatedInterviewer(RequestPlan plan)
    {
        if (plan.Stages.Length < 2)
        {
            return false;
        }

        var ids = plan.Stages.SelectMany(s => s.Panel.Concat(s.Pools.SelectMany(p => p.MembersByFairness))).Select(p => p.Id).ToList();
        return ids.Distinct(StringComparer.Ordinal).Count() < ids.Count;
    }

    private static EngineParticipant[][] CopyPeople(EngineParticipant[][] people)
    {
        var copy = new EngineParticipant[people.Length][];
        Array.Copy(people, copy, people.Length);
        return copy;
    }
}
