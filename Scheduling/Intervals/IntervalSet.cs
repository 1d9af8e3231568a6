using System.Collections;
using NodaTime;

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
public sealed class IntervalSet : IReadOnlyList<TimeInterval>, IEquatable<IntervalSet>
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

    /// <summary>The instants in either set.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>A new set (or one of the operands when the other is empty).</returns>
    public IntervalSet Union(IntervalSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var a = _items;
        var b = other._items;
        var merged = new List<TimeInterval>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && a[i].Start <= b[j].Start) ? a[i++] : b[j++];
            if (merged.Count > 0 && merged[^1].End >= next.Start)
            {
                var last = merged[^1];
                if (next.End > last.End)
                {
                    merged[^1] = new TimeInterval(last.Start, next.End);
                }
            }
            else
            {
                merged.Add(next);
            }
        }

        return new IntervalSet([.. merged]);
    }

    /// <summary>The instants in both sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>A new set.</returns>
    public IntervalSet Intersect(IntervalSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        var a = _items;
        var b = other._items;
        var result = new List<TimeInterval>(Math.Max(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var start = Max(a[i].Start, b[j].Start);
            var end = Min(a[i].End, b[j].End);
            if (start < end)
            {
                result.Add(new TimeInterval(start, end));
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return FromNormalized([.. result]);
    }

    /// <summary>The instants in this set that are not in <paramref name="other"/>.</summary>
    /// <param name="other">The set to remove.</param>
    /// <returns>A new set (or this one when nothing is removed).</returns>
    public IntervalSet Subtract(IntervalSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        var a = _items;
        var b = other._items;
        var result = new List<TimeInterval>(a.Length + 4);
        var j = 0;
        foreach (var item in a)
        {
            var cursor = item.Start;
            while (j < b.Length && b[j].End <= cursor)
            {
                j++;
            }

            var k = j;
            while (k < b.Length && b[k].Start < item.End)
            {
                if (b[k].Start > cursor)
                {
                    result.Add(new TimeInterval(cursor, b[k].Start));
                }

                if (b[k].End > cursor)
                {
                    cursor = b[k].End;
                }

                if (cursor >= item.End)
                {
                    break;
                }

                k++;
            }

            if (cursor < item.End)
            {
                result.Add(new TimeInterval(cursor, item.End));
            }
        }

        return FromNormalized([.. result]);
    }

    /// <summary>The part of the set inside <paramref name="bounds"/>.</summary>
    /// <param name="bounds">The interval to keep (UTC).</param>
    /// <returns>A new set.</returns>
    public IntervalSet Clip(TimeInterval bounds)
    {
        if (IsEmpty || bounds.IsEmpty)
        {
            return Empty;
        }

        if (_items[0].Start >= bounds.Start && _items[^1].End <= bounds.End)
        {
            return this;
        }

        var result = new List<TimeInterval>(_items.Length);
        for (var i = FirstEndingAfter(bounds.Start); i < _items.Length && _items[i].Start < bounds.End; i++)
        {
            var start = Max(_items[i].Start, bounds.Start);
            var end = Min(_items[i].End, bounds.End);
            if (start < end)
            {
                result.Add(new TimeInterval(start, end));
            }
        }

        return FromNormalized([.. result]);
    }

    /// <summary>
    /// Stretches every interval <c>[s, e)</c> to <c>[s - earlier, e + later)</c> and merges what then overlaps.
    /// </summary>
    /// <remarks>
    /// To keep <c>bufferBefore</c> free before and <c>bufferAfter</c> free after an interview, widen a
    /// participant's busy set with <c>Widen(earlier: bufferAfter, later: bufferBefore)</c>: an interview
    /// <c>[a, b)</c> avoids that widened set exactly when <c>[a - bufferBefore, b + bufferAfter)</c> avoids the raw busy set.
    /// </remarks>
    /// <param name="earlier">How far each start moves earlier; not negative.</param>
    /// <param name="later">How far each end moves later; not negative.</param>
    /// <returns>A new set (or this one when both durations are zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public IntervalSet Widen(Duration earlier, Duration later)
    {
        if (earlier < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(earlier), earlier, "Widening must not be negative.");
        }

        if (later < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(later), later, "Widening must not be negative.");
        }

        if (IsEmpty || (earlier == Duration.Zero && later == Duration.Zero))
        {
            return this;
        }

        var result = new List<TimeInterval>(_items.Length);
        foreach (var item in _items)
        {
            var widened = new TimeInterval(item.Start - earlier, item.End + later);
            if (result.Count > 0 && result[^1].End >= widened.Start)
            {
                result[^1] = new TimeInterval(result[^1].Start, Max(result[^1].End, widened.End));
            }
            else
            {
                result.Add(widened);
            }
        }

        return new IntervalSet([.. result]);
    }

    /// <summary>Keeps only the intervals at least <paramref name="minimum"/> long.</summary>
    /// <param name="minimum">The shortest length kept.</param>
    /// <returns>A new set (or this one when every interval is long enough).</returns>
    public IntervalSet WithMinimumLength(Duration minimum)
    {
        var keep = 0;
        foreach (var item in _items)
        {
            if (item.Duration >= minimum)
            {
                keep++;
            }
        }

        if (keep == _items.Length)
        {
            return this;
        }

        var result = new TimeInterval[keep];
        var n = 0;
        foreach (var item in _items)
        {
            if (item.Duration >= minimum)
            {
                result[n++] = item;
            }
        }

        return FromNormalized(result);
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
            var start = Max(_items[i].Start, interval.Start);
            var end = Min(_items[i].End, interval.End);
            if (start < end)
            {
                total += end - start;
            }
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
        var result = new List<TimeInterval>(sorted.Count) { sorted[0] };
        for (var i = 1; i < sorted.Count; i++)
        {
            var next = sorted[i];
            var last = result[^1];
            if (next.Start <= last.End)
            {
                if (next.End > last.End)
                {
                    result[^1] = new TimeInterval(last.Start, next.End);
                }
            }
            else
            {
                result.Add(next);
            }
        }

        return [.. result];
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
