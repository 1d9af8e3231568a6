namespace Scheduler.Scheduling.Batch;

/// <summary>
/// An upper bound on how many requests of a batch any conflict-free schedule can book. Requests without options
/// count zero. Every other request is charged to one of its panel interviewers (the one with the least capacity);
/// an interviewer's capacity is the least of: how many of the shortest stage they sit on fit end to end in their free
/// working time, their remaining daily cap summed over local dates with free time, and their remaining weekly cap
/// summed over ISO weeks with free time. Since each
/// booked request occupies at least one such slot of the interviewer it is charged to, the sum over interviewers of
/// min(charged requests, capacity), plus requests without a panel, bounds every solution.
/// </summary>
internal static class BatchUpperBound
{
    public static int Compute(RequestPlan[] plans, CandidateOption[][] candidates)
    {
        var shortest = new Dictionary<EngineParticipant, Duration>(ReferenceEqualityComparer.Instance);
        for (var r = 0; r < plans.Length; r++)
        {
            if (candidates[r].Length == 0)
            {
                continue;
            }

            foreach (var stage in plans[r].Stages)
            {
                foreach (var p in stage.Panel)
                {
                    shortest[p] = shortest.TryGetValue(p, out var d) && d < stage.Length ? d : stage.Length;
                }
            }
        }

        var capacity = new Dictionary<EngineParticipant, int>(ReferenceEqualityComparer.Instance);
        foreach (var (p, length) in shortest)
        {
            capacity[p] = Capacity(p, length);
        }

        var charged = new Dictionary<EngineParticipant, int>(ReferenceEqualityComparer.Instance);
        var unconstrained = 0;
        for (var r = 0; r < plans.Length; r++)
        {
            if (candidates[r].Length == 0)
            {
                continue;
            }

            EngineParticipant? target = null;
            foreach (var stage in plans[r].Stages)
            {
                foreach (var p in stage.Panel)
                {
                    if (target is null || capacity[p] < capacity[target] || (capacity[p] == capacity[target] && string.CompareOrdinal(p.Id, target.Id) < 0))
                    {
                        target = p;
                    }
                }
            }

            if (target is null)
            {
                unconstrained++;
            }
            else
            {
                charged[target] = charged.GetValueOrDefault(target) + 1;
            }
        }

        var bound = unconstrained;
        foreach (var (p, n) in charged)
        {
            bound += Math.Min(n, capacity[p]);
        }

        return bound;
    }

    private static int Capacity(EngineParticipant p, Duration length)
    {
        // Three valid bounds; their minimum is one too: slots end to end in each free interval, the daily cap summed
        // over the local dates with free time, the weekly cap summed over the ISO weeks with free time.
        long slots = 0;
        var dates = new HashSet<LocalDate>();
        foreach (var interval in p.Available)
        {
            slots += (long)(interval.Duration / length);
            var last = p.LocalDateOf(interval.End - Duration.FromTicks(1));
            for (var date = p.LocalDateOf(interval.Start); date <= last; date = date.PlusDays(1))
            {
                dates.Add(date);
            }
        }

        var bound = slots;
        if (p.Input.MaxInterviewsPerDay is { } maxDay)
        {
            long byDay = 0;
            foreach (var date in dates)
            {
                byDay += Math.Max(0, maxDay - p.DayCounts.GetValueOrDefault(date));
            }

            bound = Math.Min(bound, byDay);
        }

        if (p.Input.MaxInterviewsPerWeek is { } maxWeek)
        {
            long byWeek = 0;
            foreach (var week in dates.Select(d => d.IsoWeekStart()).Distinct())
            {
                byWeek += Math.Max(0, maxWeek - p.WeekCounts.GetValueOrDefault(week));
            }

            bound = Math.Min(bound, byWeek);
        }

        return (int)Math.Min(bound, int.MaxValue);
    }
}
