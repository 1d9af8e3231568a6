namespace Scheduler.Grains.Batches;

/// <summary>Groups requests that share people (connected components), each group in batch order and at most a given size.</summary>
internal static class BatchGroups
{
    /// <summary>Splits request indexes into groups: requests in one group share people, directly or through others.</summary>
    /// <param name="people">Per request, everyone it may involve (candidate, panel, pool members).</param>
    /// <param name="maxSize">The largest group; a larger component is cut into consecutive parts in batch order.</param>
    /// <returns>The groups, ordered by their first request.</returns>
    public static List<List<int>> Split(IReadOnlyList<IReadOnlyCollection<string>> people, int maxSize)
    {
        var parent = Enumerable.Range(0, people.Count).ToArray();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            foreach (var id in people[i])
            {
                if (owner.TryGetValue(id, out var other))
                {
                    parent[Find(parent, i)] = Find(parent, other);
                }
                else
                {
                    owner[id] = i;
                }
            }
        }

        var components = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var i = 0; i < people.Count; i++)
        {
            var root = Find(parent, i);
            if (!components.TryGetValue(root, out var list))
            {
                components[root] = list = [];
                order.Add(root);
            }

            list.Add(i);
        }

        return [.. order.SelectMany(root => components[root].Chunk(maxSize).Select(c => c.ToList()))];
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
