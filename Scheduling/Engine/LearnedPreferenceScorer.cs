using System.Globalization;
using System.Text;
using Scheduler.Scheduling.Learning;

namespace Scheduler.Scheduling.Engine;

/// <summary>
/// The <c>learnedPreference</c> score component: how well an option's times fit what the attendees' histories say
/// (<see cref="PreferenceHistory"/>, aged to "now"). For each attendee and stage, the local part of the day and day of
/// the week of the stage's start are looked up; each of the two buckets with at least <see cref="MinimumEvidence"/> of
/// evidence leans (accepted − declined) / (total + <see cref="PriorCount"/>), so a little history leans a little and
/// none reaches ±1, and the pair's lean is the mean of its buckets' leans. The points are
/// <see cref="Weight"/> times the mean lean over the attendee-stage pairs that have evidence: at most ±8, so the whole
/// swing between two options (16) stays below a full candidate preference (+30) and learning can reorder only what
/// explicit preferences leave open. Nothing is added (no points, no reason) when the request does not use learning
/// or nobody has evidence for the option's times.
/// </summary>
internal static class LearnedPreferenceScorer
{
    /// <summary>The most points, up or down.</summary>
    public const double Weight = 8;

    /// <summary>Pseudo-count added to the evidence: one observation of full weight leans 1/3.</summary>
    public const double PriorCount = 2;

    /// <summary>A bucket with less weight than this (one observation one half-life old) is treated as empty, so every counted bucket shows in the reason.</summary>
    public const double MinimumEvidence = 0.5;

    /// <summary>Scores the option; when <paramref name="reasons"/> is given and there is evidence, adds the reason naming each attendee's counts.</summary>
    /// <returns>The points, in [−<see cref="Weight"/>, <see cref="Weight"/>].</returns>
    public static double Score(RequestPlan plan, Instant[] starts, EngineParticipant[][] people, List<ScoreReason>? reasons)
    {
        if (plan.Request.PreferenceLearning is not { } learning)
        {
            return 0;
        }

        var leanSum = 0.0;
        var pairs = 0;
        List<Evidence>? evidence = reasons is null ? null : [];
        foreach (var (participant, interval, _) in plan.Attendances(starts, people))
        {
            Add(participant, interval.Start);
        }

        if (pairs == 0)
        {
            return 0;
        }

        var points = Weight * leanSum / pairs;
        reasons?.Add(new ScoreReason("learnedPreference", points, Describe(evidence!)));
        return points;

        void Add(EngineParticipant participant, Instant start)
        {
            if (participant.Input.PreferenceHistory is not { IsEmpty: false } history)
            {
                return;
            }

            var age = PreferenceHistory.DecayFactor(plan.Now - history.AsOf, learning.HalfLife);
            var (part, day) = PreferenceHistory.Buckets(start, participant.Zone);
            var byPart = history.Of(part).Scaled(age);
            var byDay = history.Of(day).Scaled(age);
            var lean = 0.0;
            var axes = 0;
            if (byPart.Total >= MinimumEvidence)
            {
                lean += Lean(byPart);
                axes++;
                evidence?.Add(new Evidence(participant.Id, DayParts.Name(part), byPart));
            }

            if (byDay.Total >= MinimumEvidence)
            {
                lean += Lean(byDay);
                axes++;
                evidence?.Add(new Evidence(participant.Id, day.ToString(), byDay));
            }

            if (axes > 0)
            {
                leanSum += lean / axes;
                pairs++;
            }
        }
    }

    /// <summary>"Learned from past interviews (recent ones count most): maya accepted 9 of 10 afternoon and 2 of 3 Tuesday times; ivy accepted …".</summary>
    private static string Describe(List<Evidence> evidence)
    {
        var text = new StringBuilder("Learned from past interviews (recent ones count most): ");
        var people = evidence.Select(e => e.ParticipantId).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var buckets = evidence.Where(e => e.ParticipantId == people[i]).DistinctBy(e => e.Bucket, StringComparer.Ordinal)
                .Select(e => $"{Count(e.Tally.Accepted)} of {Count(e.Tally.Total)} {e.Bucket}")
                .ToList();
            var joined = buckets.Count == 1 ? buckets[0] : string.Join(", ", buckets.Take(buckets.Count - 1)) + " and " + buckets[^1];
            text.Append(i == 0 ? "" : "; ").Append(people[i]).Append(" accepted ").Append(joined).Append(" times");
        }

        return text.Append('.').ToString();
    }

    /// <summary>(accepted − declined) / (total + <see cref="PriorCount"/>): in (−1, 1).</summary>
    private static double Lean(PreferenceTally tally) => (tally.Accepted - tally.Declined) / (tally.Total + PriorCount);

    private static string Count(double weight) => weight.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record Evidence(string ParticipantId, string Bucket, PreferenceTally Tally);
}
