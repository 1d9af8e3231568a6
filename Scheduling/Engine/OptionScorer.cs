using System.Globalization;

namespace Scheduler.Scheduling.Engine;

/// <summary>
/// Scores feasible options (soft preferences only; feasibility is already guaranteed). Points:
/// candidate preferred times up to +30 (share of interview minutes inside them), interviewers' preferred times
/// up to +20 (mean share over interviewers who set any), earliness up to +10 (linear over the search range),
/// −4 per attendee and stage with another commitment within 15 minutes beyond their buffer (back-to-back),
/// −2 per attendee and stage that leaves a sliver of free working time shorter than 30 minutes (fragmentation);
/// then packing (<see cref="PackingScorer"/>): how much of each interviewer's free time stays bookable for others;
/// and, when the request learns preferences, up to ±8 from the attendees' histories (<see cref="LearnedPreferenceScorer"/>).
/// </summary>
internal static class OptionScorer
{
    public const double CandidatePreferredWeight = 30;
    public const double InterviewerPreferredWeight = 20;
    public const double EarlinessWeight = 10;
    public const double BackToBackPenalty = -4;
    public const double FragmentPenalty = -2;

    public static readonly Duration BackToBackWindow = Duration.FromMinutes(15);
    public static readonly Duration ShortestUsefulGap = Duration.FromMinutes(30);

    /// <summary>Scores the option; when <paramref name="reasons"/> is given, also explains every non-zero component.</summary>
    public static double Score(RequestPlan plan, Instant[] starts, EngineParticipant[][] people, List<ScoreReason>? reasons)
    {
        var total = 0.0;
        var totalMinutes = Duration.Zero;
        var preferredCovered = Duration.Zero;
        for (var s = 0; s < starts.Length; s++)
        {
            var interval = TimeInterval.FromStart(starts[s], plan.Stages[s].Length);
            totalMinutes += interval.Duration;
            if (!plan.CandidatePreferred.IsEmpty)
            {
                preferredCovered += plan.CandidatePreferred.OverlapWith(interval);
            }
        }

        if (!plan.CandidatePreferred.IsEmpty)
        {
            var share = preferredCovered / totalMinutes;
            var points = CandidatePreferredWeight * share;
            total += points;
            reasons?.Add(new ScoreReason("candidatePreferredTime", points, share >= 1
                ? "Entirely within the candidate's preferred times."
                : $"{Percent(share)} of the interview is within the candidate's preferred times."));
        }

        // Interviewers' preferred times: mean share over interviewers who have any.
        double shareSum = 0;
        var withPreferences = 0;
        List<string>? outside = null;
        for (var s = 0; s < starts.Length; s++)
        {
            var interval = TimeInterval.FromStart(starts[s], plan.Stages[s].Length);
            foreach (var p in people[s])
            {
                if (p.Input.PreferredTimes.Count == 0)
                {
                    continue;
                }

                var share = p.Preferred.OverlapWith(interval) / interval.Duration;
                shareSum += share;
                withPreferences++;
                if (share < 1 && reasons is not null)
                {
                    (outside ??= []).Add(p.Id);
                }
            }
        }

        if (withPreferences > 0)
        {
            var mean = shareSum / withPreferences;
            var points = InterviewerPreferredWeight * mean;
            total += points;
            reasons?.Add(new ScoreReason("interviewerPreferredTime", points, outside is null
                ? "Within every interviewer's preferred times."
                : $"{Percent(mean)} of interviewer time is within their preferred times (outside for {string.Join(", ", outside)})."));
        }

        var searchLength = plan.Search.Duration;
        if (searchLength > Duration.Zero)
        {
            var position = (starts[0] - plan.Search.Start) / searchLength;
            var points = EarlinessWeight * (1 - Math.Clamp(position, 0, 1));
            total += points;
            reasons?.Add(new ScoreReason("early", points, $"Starts {Percent(position)} of the way into the available window (earlier is better)."));
        }

        total += Penalties(plan, starts, people, reasons);
        total += PackingScorer.Score(plan, starts, people, reasons);
        total += LearnedPreferenceScorer.Score(plan, starts, people, reasons);
        return total;
    }

    private static double Penalties(RequestPlan plan, Instant[] starts, EngineParticipant[][] people, List<ScoreReason>? reasons)
    {
        var backToBack = 0;
        var fragments = 0;
        List<string>? backToBackWho = null;
        List<string>? fragmentWho = null;
        for (var s = 0; s < starts.Length; s++)
        {
            var interval = TimeInterval.FromStart(starts[s], plan.Stages[s].Length);
            Check(plan.Candidate, interval, s == 0, s == starts.Length - 1);
            foreach (var p in people[s])
            {
                Check(p, interval, true, true);
            }
        }

        var total = 0.0;
        if (backToBack > 0)
        {
            total += backToBack * BackToBackPenalty;
            reasons?.Add(new ScoreReason("backToBack", backToBack * BackToBackPenalty, $"Back-to-back with other commitments for {string.Join(", ", backToBackWho!.Distinct())}."));
        }

        if (fragments > 0)
        {
            total += fragments * FragmentPenalty;
            reasons?.Add(new ScoreReason("fragmentsFreeTime", fragments * FragmentPenalty, $"Leaves free time shorter than {ShortestUsefulGap.TotalMinutes:0} minutes for {string.Join(", ", fragmentWho!.Distinct())}."));
        }

        return total;

        void Check(EngineParticipant p, TimeInterval interval, bool checkBefore, bool checkAfter)
        {
            var busy = p.Input.Busy;
            if (!busy.IsEmpty)
            {
                var before = checkBefore && busy.Overlaps(new TimeInterval(interval.Start - p.BufferBefore - BackToBackWindow, interval.Start));
                var after = checkAfter && busy.Overlaps(new TimeInterval(interval.End, interval.End + p.BufferAfter + BackToBackWindow));
                if (before || after)
                {
                    backToBack++;
                    if (reasons is not null)
                    {
                        (backToBackWho ??= []).Add(p.Id);
                    }
                }
            }

            var i = p.Free.IndexOfContaining(interval.Start);
            if (i < 0)
            {
                return;
            }

            var free = p.Free[i];
            var left = interval.Start - free.Start;
            var right = free.End - interval.End;
            var n = (left > Duration.Zero && left < ShortestUsefulGap ? 1 : 0) + (right > Duration.Zero && right < ShortestUsefulGap ? 1 : 0);
            if (n > 0)
            {
                fragments += n;
                if (reasons is not null)
                {
                    (fragmentWho ??= []).Add(p.Id);
                }
            }
        }
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
