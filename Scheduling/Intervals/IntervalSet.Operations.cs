namespace Scheduler.Scheduling.Intervals;

/// <content>The set operations: union, intersection, difference, clipping, widening and the length filter, each one linear pass that makes a new set (or returns an operand unchanged).</content>
public sealed partial class IntervalSet
{
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
            AppendCoalesced(merged, j >= b.Length || (i < a.Length && a[i].Start <= b[j].Start) ? a[i++] : b[j++]);
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
            if (a[i].Intersect(b[j]) is { IsEmpty: false } both)
            {
                result.Add(both);
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
            if (_items[i].Intersect(bounds) is { IsEmpty: false } inside)
            {
                result.Add(inside);
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
            AppendCoalesced(result, new TimeInterval(item.Start - earlier, item.End + later));
        }

        return new IntervalSet([.. result]);
    }

    /// <summary>Keeps only the intervals at least <paramref name="minimum"/> long.</summary>
    /// <param name="minimum">The shortest length kept.</param>
    /// <returns>A new set (or this one when every interval is long enough).</returns>
    public IntervalSet WithMinimumLength(Duration minimum) =>
        Array.TrueForAll(_items, item => item.Duration >= minimum) ? this : FromNormalized(Array.FindAll(_items, item => item.Duration >= minimum));
}
