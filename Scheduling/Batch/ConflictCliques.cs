using Google.OrTools.Sat;

namespace Scheduler.Scheduling.Batch;

/// <summary>
/// One participant's possible interviews in a batch, and the sets of them that exclude each other.
/// </summary>
/// <remarks>
/// Two interviews of one participant conflict (as <see cref="BatchLedger"/> checks it: either one, widened by the
/// participant's buffers before and after, overlaps the other) exactly when the two intervals, each extended at its end
/// by the larger of the two buffers, overlap. (If neither widened interval met the other, each would start at or after
/// the other's end, which two non-empty intervals cannot both do.) Extended intervals on one time line form an interval
/// graph: a set of them conflicts pairwise exactly when they share an instant, so "at most one of the intervals that
/// cover each instant" is the whole rule, and it suffices to state it where a set is maximal — just before one of
/// them ends. There are at most as many such sets as intervals; each is one at-most-one constraint, which also gives
/// the solver's linear relaxation its strongest form (clique inequalities).
/// </remarks>
internal static class ConflictCliques
{
    /// <summary>
    /// The maximal sets of <paramref name="uses"/> that share an instant, leaving out sets whose uses all belong to one
    /// request (its options already exclude each other).
    /// </summary>
    /// <param name="uses">One participant's uses, their ends already extended by the larger buffer.</param>
    public static List<Use[]> Find(IReadOnlyList<Use> uses)
    {
        var cliques = new List<Use[]>();
        var byStart = Enumerable.Range(0, uses.Count).OrderBy(i => uses[i].Start).ThenBy(i => i).ToArray();
        var byEnd = Enumerable.Range(0, uses.Count).OrderBy(i => uses[i].End).ThenBy(i => i).ToArray();
        var active = new List<int>();
        var position = new int[uses.Count];
        var grew = false;
        int next = 0, ending = 0;
        while (next < byStart.Length)
        {
            // Half-open intervals: one that ends where another starts does not meet it, so ends are taken first.
            if (uses[byStart[next]].Start < uses[byEnd[ending]].End)
            {
                position[byStart[next]] = active.Count;
                active.Add(byStart[next++]);
                grew = true;
                continue;
            }

            if (grew)
            {
                Emit();
                grew = false;
            }

            var gone = byEnd[ending++];
            var last = active[^1];
            active[position[gone]] = last;
            position[last] = position[gone];
            active.RemoveAt(active.Count - 1);
        }

        if (grew)
        {
            Emit();
        }

        return cliques;

        void Emit()
        {
            var request = uses[active[0]].Request;
            if (active.Exists(i => uses[i].Request != request))
            {
                cliques.Add([.. active.Select(i => uses[i])]);
            }
        }
    }

    /// <summary>A participant's part in one option of one request: from <paramref name="Start"/> to <paramref name="End"/> (end extended by the larger buffer), while <paramref name="Literal"/> is true.</summary>
    /// <param name="Start">Start of the stage (UTC).</param>
    /// <param name="End">End of the stage plus the participant's larger buffer (UTC).</param>
    /// <param name="Request">The request's index among the requests the model decides.</param>
    /// <param name="Option">The option's index among the request's kept options.</param>
    /// <param name="Literal">True when the participant attends: the option's choice (candidate, panel) or a pool seat.</param>
    internal readonly record struct Use(Instant Start, Instant End, int Request, int Option, BoolVar Literal);
}
