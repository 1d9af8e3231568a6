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
        foreach (var option in ranked)
        {
            option.Day = option.Start.InZone(zone).Date.DayNumber();
        }

        var days = ranked.GroupBy(o => o.Day).Select(g => g.ToList()).ToList();
        var chosen = new List<CandidateOption>(k);
        var taken = new HashSet<CandidateOption>();
        var progress = true;
        while (chosen.Count < k && progress)
        {
            progress = false;
            foreach (var day in days)
            {
                if (chosen.Count >= k)
                {
                    break;
                }

                if (day.Find(o => !taken.Contains(o) && FarFromChosen(o, chosen)) is { } next)
                {
                    chosen.Add(next);
                    taken.Add(next);
                    progress = true;
                }
            }
        }

        chosen.AddRange(ranked.Where(o => !taken.Contains(o)).Take(k - chosen.Count));
        chosen.Sort(Compare);
        return chosen;
    }

    private static bool FarFromChosen(CandidateOption option, List<CandidateOption> chosen) =>
        chosen.TrueForAll(c => c.Day != option.Day || c.Start - option.Start >= MinimumSpacing || option.Start - c.Start >= MinimumSpacing);

    private static int Compare(CandidateOption a, CandidateOption b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Start.CompareTo(b.Start);
    }
}
