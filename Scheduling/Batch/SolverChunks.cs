namespace Scheduler.Scheduling.Batch;

/// <summary>
/// Cuts a batch's requests with options into the chunks the solver decides one at a time: ordered by what they compete
/// for (their panel interviewers, else their pools, else their candidate), so requests for the same people share a
/// chunk, then cut every <c>size</c> requests; each chunk in batch order.
/// </summary>
internal static class SolverChunks
{
    public static List<int[]> Cut(RequestPlan[] plans, CandidateOption[][] candidates, int size)
    {
        var bookable = Enumerable.Range(0, plans.Length).Where(r => candidates[r].Length > 0).ToArray();
        if (bookable.Length <= size)
        {
            return [bookable];
        }

        return [.. bookable
            .OrderBy(r => ContendedFor(plans[r]), StringComparer.Ordinal)
            .ThenBy(r => r)
            .Chunk(size)
            .Select(chunk => chunk.Order().ToArray())];
    }

    private static string ContendedFor(RequestPlan plan)
    {
        var panel = plan.Stages.SelectMany(s => s.Panel).Select(p => p.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (panel.Length > 0)
        {
            return "i\n" + string.Join('\n', panel);
        }

        var pools = plan.Stages.SelectMany(s => s.Pools).Select(p => p.Request.PoolId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return pools.Length > 0 ? "p\n" + string.Join('\n', pools) : "c\n" + plan.Candidate.Id;
    }
}
