namespace Scheduler.Grains.Indexes;

/// <summary>Cuts one page out of ordered items, for the index shards and the readers that merge them.</summary>
public static class Paging
{
    /// <summary>The first <paramref name="limit"/> items, and the cursor after the last of them when more follow.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="ordered">The items after the cursor, in list order; read at most one item past the page.</param>
    /// <param name="limit">The page size, 1 or more.</param>
    /// <param name="cursorOf">The cursor after an item.</param>
    /// <returns>The page's items and the next cursor, <see langword="null"/> on the last page.</returns>
    public static (List<T> Items, string? NextCursor) Cut<T>(IEnumerable<T> ordered, int limit, Func<T, string> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(cursorOf);
        var items = ordered.Take(limit + 1).ToList();
        return items.Count > limit ? (items[..limit], cursorOf(items[limit - 1])) : (items, null);
    }
}
