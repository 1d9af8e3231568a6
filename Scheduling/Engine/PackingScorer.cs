using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Scheduler.Scheduling.Engine;

/// <summary>
/// The <c>packing</c> score: how much of each interviewer's free time an option keeps bookable for other requests.
/// Every interviewer of every stage sits in one free stretch (working time between busy time, buffers, other requests'
/// bookings and holds, and working-hour edges). Counted per interviewer and stage, like back-to-back:
/// <list type="bullet">
/// <item><b>flush</b> (<see cref="FlushPoints"/>, +2): the stage starts at the stretch's first grid start or ends within
/// one grid step of its end, so the rest of the stretch stays in one piece;</item>
/// <item><b>splits</b> (<see cref="SplitPenalty"/>, −5): the pieces left on either side hold one interview fewer of the
/// same length (with the interviewer's buffers between interviews) than the stretch would hold around a flush option;</item>
/// <item>otherwise 0 (the option sits inside the stretch, and both pieces stay usable).</item>
/// </list>
/// Flush never splits, so a flush option is always at least as good for packing as any other in its stretch. The weights
/// only separate options that score alike otherwise: 15 minutes more of a 60-minute interview in the candidate's
/// preferred times is worth 7.5 points, more than either; the back-to-back penalty (−4) outweighs the flush bonus, so an
/// interviewer keeps a breather when that costs nobody an interview; a split outweighs it, so a breather that costs a
/// bookable interview does not. The candidate is not counted: other requests do not book a request's candidate.
/// </summary>
internal static class PackingScorer
{
    /// <summary>Per participant: whether the tick just before (or at) an instant is free working time, for edges at the bounds of the time evaluated.</summary>
    private static readonly ConditionalWeakTable<EngineParticipant, ConcurrentDictionary<Instant, bool>> FreeBeyond = [];

    /// <summary>Points per interviewer and stage for an option flush against an edge of the interviewer's free stretch.</summary>
    public const double FlushPoints = 2;

    /// <summary>Points per interviewer and stage for an option that leaves room for one interview fewer in the stretch.</summary>
    public const double SplitPenalty = -5;

    /// <summary>Scores the option; when <paramref name="reasons"/> is given and the score is not zero, adds a <c>packing</c> reason.</summary>
    /// <param name="plan">The request.</param>
    /// <param name="starts">Start of each stage (UTC).</param>
    /// <param name="people">Interviewers of each stage.</param>
    /// <param name="reasons">Receives the explanation, or <see langword="null"/> when only the points are needed.</param>
    /// <returns>The points (flush interviewer-stages × <see cref="FlushPoints"/> + splitting ones × <see cref="SplitPenalty"/>).</returns>
    public static double Score(RequestPlan plan, Instant[] starts, EngineParticipant[][] people, List<ScoreReason>? reasons)
    {
        var flush = 0;
        var splits = 0;
        List<string>? flushWho = null;
        List<string>? splitWho = null;
        for (var s = 0; s < starts.Length; s++)
        {
            var interval = TimeInterval.FromStart(starts[s], plan.Stages[s].Length);
            foreach (var p in people[s])
            {
                switch (Classify(p, interval, plan.Granularity))
                {
                    case Fit.Flush:
                        flush++;
                        if (reasons is not null)
                        {
                            (flushWho ??= []).Add(p.Id);
                        }

                        break;
                    case Fit.Splits:
                        splits++;
                        if (reasons is not null)
                        {
                            (splitWho ??= []).Add(p.Id);
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        var points = flush * FlushPoints + splits * SplitPenalty;
        if (reasons is not null && (flush > 0 || splits > 0))
        {
            reasons.Add(new ScoreReason("packing", points, Describe(plan, flushWho, splitWho)));
        }

        return points;
    }

    /// <summary>
    /// Where <paramref name="interval"/> sits in <paramref name="participant"/>'s free stretch. Left and right are the
    /// whole grid steps between the stretch's edges and the interval (a start off the grid cannot be used), and
    /// interviews on either side need <c>length + buffers</c>, rounded up to the grid, from one start to the next. The
    /// participant's free time is known only inside the time evaluated (the search range, or a batch's); a stretch that
    /// reaches a bound of it is open there when the participant is free just beyond (working, not busy): the option is
    /// then neither flush against that bound nor said to split the stretch.
    /// </summary>
    internal static Fit Classify(EngineParticipant participant, TimeInterval interval, Duration granularity)
    {
        var i = participant.Free.IndexOfContaining(interval.Start);
        if (i < 0 || participant.Free[i].End < interval.End)
        {
            return Fit.Inside; // not in one stretch (cannot happen for a feasible option): nothing to say
        }

        var stretch = participant.Free[i];
        var closedLeft = stretch.Start > participant.Range.Start || !IsFreeAt(participant, stretch.Start - Duration.Epsilon);
        var closedRight = stretch.End < participant.Range.End || !IsFreeAt(participant, stretch.End);
        var step = granularity.BclCompatibleTicks;
        var left = (interval.Start - stretch.Start).BclCompatibleTicks / step;
        var right = (stretch.End - interval.End).BclCompatibleTicks / step;
        if ((closedLeft && left == 0) || (closedRight && right == 0))
        {
            return Fit.Flush;
        }

        if (!closedLeft || !closedRight)
        {
            return Fit.Inside;
        }

        var needed = (interval.Duration + participant.BufferBefore + participant.BufferAfter).BclCompatibleTicks;
        var spacing = (needed + step - 1) / step; // grid steps from one interview's start to the next's
        return (left % spacing) + (right % spacing) >= spacing ? Fit.Splits : Fit.Inside;
    }

    /// <summary>Whether <paramref name="instant"/> (outside the participant's range) is working time clear of buffered busy time.</summary>
    private static bool IsFreeAt(EngineParticipant participant, Instant instant) =>
        FreeBeyond.GetOrCreateValue(participant).GetOrAdd(instant, static (t, p) =>
            !p.BusyWidened.Contains(t)
            && !WorkingHours.Materialize(p.Zone, p.Input.WorkingHours, p.Input.DateOverrides, new TimeInterval(t, t + Duration.Epsilon)).IsEmpty,
            participant);

    private static string Describe(RequestPlan plan, List<string>? flushWho, List<string>? splitWho)
    {
        var parts = new List<string>(2);
        if (flushWho is not null)
        {
            parts.Add($"Starts or ends at the edge of free time for {string.Join(", ", flushWho.Distinct())}, keeping the rest of it in one piece for other interviews.");
        }

        if (splitWho is not null)
        {
            var minutes = plan.Stages[0].Length.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
            parts.Add($"Splits the free time of {string.Join(", ", splitWho.Distinct())} so that one interview fewer of this length fits in it"
                + (plan.Stages.Length == 1 ? $" ({minutes} minutes)." : "."));
        }

        return string.Join(" ", parts);
    }

    /// <summary>How an option sits in one interviewer's free stretch.</summary>
    internal enum Fit
    {
        /// <summary>Inside the stretch, leaving both pieces as usable as a flush option would.</summary>
        Inside,

        /// <summary>Against one of the stretch's edges.</summary>
        Flush,

        /// <summary>Leaves pieces that hold one interview fewer than a flush option would leave.</summary>
        Splits,
    }
}
