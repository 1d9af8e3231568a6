using System.Collections;

namespace Scheduler.Scheduling.Intervals;

/// <summary>
/// An immutable set of instants stored as sorted, disjoint, coalesced half-open
/// <see cref="TimeInterval"/>s (no two members overlap or touch, none is empty).
/// </summary>
/// <remarks>
/// Every set operation is a single linear merge over the two operands (O(n + m)); membership
/// queries are binary searches (O(log n)). Nothing is sampled per minute, so the result is exact
/// to the tick whatever the offsets of the zones involved.
/// </remarks>
public sealed partial class IntervalSet : IReadOnlyList<TimeInterval>, IEquatable<IntervalSet>
{
    private readonly TimeInterval[] _items;

    private IntervalSet(TimeInterval[] items) => _items = items;

    /// <summary>The set that contains no instant.</summary>
    public static IntervalSet Empty { get; } = new([]);

    /// <summary>Builds a set from intervals in any order; overlapping or touching intervals are merged and empty ones dropped.</summary>
    /// <param name="intervals">The intervals (UTC); may be empty, unsorted and overlapping.</param>
    /// <returns>The normalized set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> is <see langword="null"/>.</exception>
    public static IntervalSet From(IEnumerable<TimeInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var list = new List<TimeInterval>(intervals is ICollection<TimeInterval> c ? c.Count : 8);
        foreach (var interval in intervals)
        {
            if (!interval.IsEmpty)
            {
                list.Add(interval);
            }
        }

        if (list.Count == 0)
        {
            return Empty;
        }

        list.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new IntervalSet(Coalesce(list));
    }

    /// <summary>Builds a set holding the single interval <paramref name="interval"/> (or the empty set when it is empty).</summary>
    /// <param name="interval">The interval (UTC).</param>
    /// <returns>The set.</returns>
    public static IntervalSet Single(TimeInterval interval) => interval.IsEmpty ? Empty : new IntervalSet([interval]);

    /// <summary>Wraps an array that the caller guarantees is already sorted, disjoint, coalesced and free of empty intervals.</summary>
    internal static IntervalSet FromNormalized(TimeInterval[] items) => items.Length == 0 ? Empty : new IntervalSet(items);

    /// <summary>The number of disjoint intervals in the set.</summary>
    public int Count => _items.Length;

    /// <summary><see langword="true"/> when the set contains no instant.</summary>
    public bool IsEmpty => _items.Length == 0;

    /// <summary>The intervals in ascending order.</summary>
    /// <param name="index">Zero-based position, in <c>[0, Count)</c>.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the set.</exception>
    public TimeInterval this[int index] => _items[index];

    /// <summary>The intervals in ascending order, without copying.</summary>
    public ReadOnlySpan<TimeInterval> AsSpan() => _items;

    /// <summary>The sum of the lengths of all intervals.</summary>
    public Duration TotalDuration
    {
        get
        {
            var total = Duration.Zero;
            foreach (var item in _items)
            {
                total += item.Duration;
            }

            return total;
        }
    }

    /// <summary>Whether <paramref name="interval"/> lies entirely inside one member of the set (an empty interval is contained when its instant is).</summary>
    /// <param name="interval">The interval to test (UTC).</param>
    /// <returns><see langword="true"/> when every instant of the interval is in the set.</returns>
    public bool Contains(TimeInterval interval)
    {
        var i = IndexOfContaining(interval.Start);
        return i >= 0 && interval.End <= _items[i].End;
    }

    /// <summary>Whether the set contains <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant (UTC).</param>
    /// <returns><see langword="true"/> when a member contains it.</returns>
    public bool Contains(Instant instant) => IndexOfContaining(instant) >= 0;

    /// <summary>Whether any instant of <paramref name="interval"/> is in the set.</summary>
    /// <param name="interval">The interval to test (UTC).</param>
    /// <returns><see langword="true"/> when they share at least one instant.</returns>
    public bool Overlaps(TimeInterval interval)
    {
        if (interval.IsEmpty)
        {
            return false;
        }

        var i = FirstEndingAfter(interval.Start);
        return i < _items.Length && _items[i].Start < interval.End;
    }

    /// <summary>How much of <paramref name="interval"/> the set covers.</summary>
    /// <param name="interval">The interval to measure (UTC).</param>
    /// <returns>The covered length, between zero and the interval's length.</returns>
    public Duration OverlapWith(TimeInterval interval)
    {
        var total = Duration.Zero;
        for (var i = FirstEndingAfter(interval.Start); i < _items.Length && _items[i].Start < interval.End; i++)
        {
            total += _items[i].Intersect(interval).Duration;
        }

        return total;
    }

    /// <summary>The index of the member containing <paramref name="instant"/>, or -1 when none does.</summary>
    /// <param name="instant">The instant (UTC).</param>
    /// <returns>An index in <c>[0, Count)</c>, or -1.</returns>
    public int IndexOfContaining(Instant instant)
    {
        var i = FirstEndingAfter(instant);
        return i < _items.Length && _items[i].Start <= instant ? i : -1;
    }

    /// <summary>The index of the first member whose end is after <paramref name="instant"/>, or <see cref="Count"/>.</summary>
    internal int FirstEndingAfter(Instant instant)
    {
        int lo = 0, hi = _items.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].End <= instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <inheritdoc />
    public IEnumerator<TimeInterval> GetEnumerator() => ((IEnumerable<TimeInterval>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(IntervalSet? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IntervalSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => _items.Length == 0 ? "{}" : "{" + string.Join(", ", _items) + "}";

    private static TimeInterval[] Coalesce(List<TimeInterval> sorted)
    {
        var result = new List<TimeInterval>(sorted.Count);
        foreach (var next in sorted)
        {
            AppendCoalesced(result, next);
        }

        return [.. result];
    }

    /// <summary>Appends an interval that starts no earlier than the last one, merged into the last one when they overlap or touch.</summary>
    private static void AppendCoalesced(List<TimeInterval> sorted, TimeInterval next)
    {
        if (sorted.Count == 0 || sorted[^1].End < next.Start)
        {
            sorted.Add(next);
        }
        else if (next.End > sorted[^1].End)
        {
            sorted[^1] = new TimeInterval(sorted[^1].Start, next.End);
        }
    }
}
