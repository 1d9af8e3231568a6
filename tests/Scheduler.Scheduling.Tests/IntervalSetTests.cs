namespace Scheduler.Scheduling.Tests;

public sealed class IntervalSetTests
{
    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static TimeInterval M(int from, int to) => new(Origin + Duration.FromMinutes(from), Origin + Duration.FromMinutes(to));

    private static IntervalSet Set(params (int From, int To)[] spans) => IntervalSet.From(spans.Select(s => M(s.From, s.To)));

    [Fact]
    public void From_OverlappingTouchingAndEmpty_CoalescesSortedAndDropsEmpty()
    {
        var set = IntervalSet.From([M(50, 60), M(0, 10), M(10, 20), M(15, 30), M(40, 40)]);

        Assert.Equal([M(0, 30), M(50, 60)], set.ToArray());
    }

    [Fact]
    public void Union_InterleavedSets_MergesOverlaps()
    {
        Assert.Equal(Set((0, 20), (25, 40)), Set((0, 10), (25, 30)).Union(Set((5, 20), (30, 40))));
    }

    [Fact]
    public void Intersect_InterleavedSets_KeepsCommonParts()
    {
        Assert.Equal(Set((5, 10), (30, 35)), Set((0, 10), (25, 35)).Intersect(Set((5, 20), (30, 40))));
    }

    [Fact]
    public void Subtract_HolesAndEdges_RemovesExactly()
    {
        var result = Set((0, 100)).Subtract(Set((-10, 5), (20, 30), (30, 40), (95, 200)));

        Assert.Equal(Set((5, 20), (40, 95)), result);
    }

    [Fact]
    public void Widen_CloseIntervals_MergesAfterWidening()
    {
        Assert.Equal(Set((-5, 30), (45, 65)), Set((0, 10), (20, 20), (20, 25), (50, 60)).Widen(Duration.FromMinutes(5), Duration.FromMinutes(5)));
    }

    [Fact]
    public void Widen_NegativeDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Set((0, 10)).Widen(Duration.FromMinutes(-1), Duration.Zero));
    }

    [Fact]
    public void Contains_IntervalSpanningGap_IsFalse()
    {
        var set = Set((0, 10), (20, 30));

        Assert.True(set.Contains(M(20, 30)));
        Assert.False(set.Contains(M(5, 25)));
        Assert.False(set.Contains(M(10, 20)));
        Assert.True(set.Overlaps(M(5, 25)));
        Assert.False(set.Overlaps(M(10, 20)));
        Assert.Equal(Duration.FromMinutes(10), set.OverlapWith(M(5, 25)));
    }

    [Fact]
    public void Clip_Bounds_KeepsInside()
    {
        Assert.Equal(Set((5, 10), (20, 25)), Set((0, 10), (20, 30)).Clip(M(5, 25)));
    }

    [Fact]
    public void TimeInterval_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => M(10, 5));
    }

    // A model: a set of whole minutes in [0, 64) as a bitmask; the interval set must agree with it exactly.
    private static IntervalSet FromMask(ulong mask)
    {
        var spans = new List<TimeInterval>();
        for (var i = 0; i < 64; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                spans.Add(M(i, i + 1));
            }
        }

        return IntervalSet.From(spans);
    }

    private static ulong ToMask(IntervalSet set)
    {
        ulong mask = 0;
        foreach (var interval in set)
        {
            for (var m = (int)(interval.Start - Origin).TotalMinutes; m < (int)(interval.End - Origin).TotalMinutes; m++)
            {
                mask |= 1UL << m;
            }
        }

        return mask;
    }

    private static bool IsNormalized(IntervalSet set)
    {
        for (var i = 0; i < set.Count; i++)
        {
            if (set[i].IsEmpty || (i > 0 && set[i - 1].End >= set[i].Start))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void SetOperations_RandomSets_AgreeWithMinuteModel()
    {
        var prop = Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), ArbMap.Default.ArbFor<ulong>(), (a, b) =>
        {
            var x = FromMask(a);
            var y = FromMask(b);
            var union = x.Union(y);
            var intersection = x.Intersect(y);
            var difference = x.Subtract(y);
            return ToMask(union) == (a | b) && ToMask(intersection) == (a & b) && ToMask(difference) == (a & ~b)
                && IsNormalized(union) && IsNormalized(intersection) && IsNormalized(difference)
                && x.Contains(M(3, 5)) == ((a & 0b11000UL) == 0b11000UL);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), prop);
    }
}
