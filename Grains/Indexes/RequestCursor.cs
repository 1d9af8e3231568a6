using System.Globalization;

namespace Scheduler.Grains.Indexes;

/// <summary>The list cursor: <c>{createdAt UTC ticks}:{request id}</c>, the position of the last item of the previous page.</summary>
internal static class RequestCursor
{
    public static string Of(RequestSummary last) => string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}:{last.Id}");

    /// <exception cref="ArgumentException">The cursor is not one this index produced (parameter <c>cursor</c>).</exception>
    public static (DateTimeOffset CreatedAt, string Id) Parse(string cursor)
    {
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor));
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), cursor[(colon + 1)..]);
    }

    /// <summary>Whether an item at (<paramref name="createdAt"/>, <paramref name="id"/>) comes after the cursor position.</summary>
    public static bool IsAfter(DateTimeOffset createdAt, string id, (DateTimeOffset CreatedAt, string Id) position) =>
        createdAt > position.CreatedAt || (createdAt == position.CreatedAt && string.CompareOrdinal(id, position.Id) > 0);
}
