using System.Globalization;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// The request list cursor: <c>{createdAt UTC ticks}:{request id}</c>, the position of the last item of the previous
/// page. The index shards and <see cref="RequestIndexReader"/> both write and read it, so a shard's cursor and a merged
/// page's cursor are the same.
/// </summary>
public static class RequestCursor
{
    /// <summary>The cursor after <paramref name="last"/>.</summary>
    /// <param name="last">The last item of a page.</param>
    /// <returns>The cursor.</returns>
    public static string Of(RequestSummary last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}:{last.Id}");
    }

    /// <summary>Reads a cursor.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The position: creation time (UTC) and id of the last item listed.</returns>
    /// <exception cref="ArgumentException">The cursor is not one this index produced (parameter <c>cursor</c>).</exception>
    public static (DateTimeOffset CreatedAt, string Id) Parse(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor));
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), cursor[(colon + 1)..]);
    }

    /// <summary>Whether an item at (<paramref name="createdAt"/>, <paramref name="id"/>) comes after the cursor position.</summary>
    /// <param name="createdAt">The item's creation time.</param>
    /// <param name="id">The item's id.</param>
    /// <param name="position">The position <see cref="Parse"/> read.</param>
    /// <returns><see langword="true"/> when the item is listed after the position.</returns>
    public static bool IsAfter(DateTimeOffset createdAt, string id, (DateTimeOffset CreatedAt, string Id) position) =>
        createdAt > position.CreatedAt || (createdAt == position.CreatedAt && string.CompareOrdinal(id, position.Id) > 0);
}
