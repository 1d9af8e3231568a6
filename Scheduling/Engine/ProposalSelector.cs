using NodaTime;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Scheduling.Engine;

/// <summary>
/// Picks the top K options spread across days: round by round, each candidate-local day contributes its best
/// remaining option that starts at least <see cref="MinimumSpacing"/> away from the options already taken that
/// day (days visited best-first), so K proposals are never K neighbouring starts in one hour while other days
/// have room. Only when that runs dry are the closest remaining options used. The result is ordered by score
/// (descending), then start.
/// </summary>
internal static class ProposalSelector
{
    public static readonly Duration MinimumSpacing = Duration.FromMinutes(90);

    public static List<CandidateOption> Select(List<CandidateOption> options, int k, DateTimeZone zone)
    {
        var ranked = new List<CandidateOption>(options);
        ranked.Sort(Compare);
        if (ranked.Count <= k)
        {
            return ranked;
        }

        // Group by candidate-local day, keeping each group's best-first order; groups ordered by their best.
        var groups = new Dictionary<int, List<CandidateOption>>();
        var dayOrder = new List<int>();
        foreach (var option in ranked)
        {
            option.Day = option.Start.InZone(zone).Date.DayNumber();
            if (!groups.TryGetValue(option.Day, out var list))
            {
                groups[option.Day] = list = [];
                dayOrder.Add(option.Day);
            }

            list.Add(option);
        }

        var chosen = new List<CandidateOption>(k);
        var taken = new HashSet<CandidateOption>();
        var progress = true;
        while (chosen.Count < k && progress)
        {
            progress = false;
            foreach (var day in dayOrder)
            {
                if (chosen.Count >= k)
                {
                    break;
                }

                foreach (var option in groups[day])
                {
                    if (taken.Contains(option) || !FarFromChosen(option, chosen))
                    {
                        continue;
                    }

                    chosen.Add(option);
                    taken.Add(option);
                    progress = true;
                    break;
                }
            }
        }

        foreach (var option in ranked)
        {
            if (chosen.Count >= k)
            {
                break;
            }

            if (taken.Add(option))
            {
                chosen.Add(option);
            }
        }

        chosen.Sort(Compare);
        return chosen;
    }

    private static bool FarFromChosen(CandidateOption option, List<CandidateOption> chosen)
    {
        foreach (var c in chosen)
        {
            if (c.Day == option.Day)
            {
                var distance = c.Start > option.Start ? c.Start - option.Start : option.Start - c.Start;
                if (distance < MinimumSpacing)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static int Compare(CandidateOption a, CandidateOption b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Start.CompareTo(b.Start);
    }
}
