using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.Tests.Reminders;

/// <summary>Reminder buckets over the active silos: every bucket has one owner, ranges cover exactly the owned buckets, and a leaving silo's buckets alone move.</summary>
public sealed class ReminderPartitionTests
{
    private static readonly SiloAddress[] Silos = [.. Enumerable.Range(0, 3).Select(i => new SiloAddress($"silo-{i}", new Uri($"http://127.0.0.1:{6000 + i}/"), 100 + i))];

    [Fact]
    public void EveryBucket_HasExactlyOneOwner_AndTheShareIsSpread()
    {
        var shares = Silos.Select(s => ReminderPartition.BucketsOf(s, Silos)).ToList();

        for (var bucket = 0; bucket < ReminderPartition.BucketCount; bucket++)
        {
            Assert.Equal(1, shares.Count(owned => owned[bucket]));
        }

        Assert.All(shares, owned => Assert.InRange(owned.Count(b => b), 50, 120)); // about 85 each
    }

    [Fact]
    public void Ranges_ContainExactlyTheHashesOfTheOwnedBuckets()
    {
        var random = new Random(7);
        var owned = ReminderPartition.BucketsOf(Silos[1], Silos);
        var ranges = ReminderPartition.RangesOf(owned);

        for (var i = 0; i < 20_000; i++)
        {
            var hash = (uint)random.NextInt64(0, 1L << 32);
            var inRanges = ranges.Count(r => r.Contains(hash));
            Assert.Equal(owned[ReminderPartition.BucketOf(hash)] ? 1 : 0, inRanges);
        }

        // Bucket edges: the first and last hash of every bucket.
        for (var bucket = 0; bucket < ReminderPartition.BucketCount; bucket++)
        {
            var first = (uint)bucket << 24;
            var last = first | 0x00FF_FFFF;
            Assert.Equal(owned[bucket] ? 1 : 0, ranges.Count(r => r.Contains(first)));
            Assert.Equal(owned[bucket] ? 1 : 0, ranges.Count(r => r.Contains(last)));
        }
    }

    [Fact]
    public void Ranges_MergeRunsAcrossBucketZero_IntoOneWrappingRange()
    {
        var owned = new bool[ReminderPartition.BucketCount];
        owned[254] = owned[255] = owned[0] = owned[1] = true;
        owned[10] = true;

        var ranges = ReminderPartition.RangesOf(owned);

        Assert.Equal(2, ranges.Count);
        Assert.Contains(new ReminderRange((10u << 24) - 1, (11u << 24) - 1), ranges);
        Assert.Contains(new ReminderRange((254u << 24) - 1, (2u << 24) - 1), ranges); // wraps: begin > end
    }

    [Fact]
    public void AllBuckets_AreTheWholeRing_AndNoBucketsAreNoRange()
    {
        Assert.Equal([ReminderRange.Everything], ReminderPartition.RangesOf(ReminderPartition.BucketsOf(Silos[0], [])));
        Assert.Equal([ReminderRange.Everything], ReminderPartition.RangesOf(ReminderPartition.BucketsOf(Silos[0], [Silos[0]])));
        Assert.Empty(ReminderPartition.RangesOf(ReminderPartition.BucketsOf(new SiloAddress("outsider", new Uri("http://127.0.0.1:1/"), 1), Silos)));
    }

    [Fact]
    public void ASiloLeaving_MovesOnlyItsBuckets_ToTheSurvivors()
    {
        SiloAddress[] survivors = [Silos[0], Silos[2]];
        for (var bucket = 0; bucket < ReminderPartition.BucketCount; bucket++)
        {
            var before = ReminderPartition.OwnerOf(bucket, Silos);
            var after = ReminderPartition.OwnerOf(bucket, survivors);
            if (before != Silos[1])
            {
                Assert.Equal(before, after);
            }
            else
            {
                Assert.Contains(after, survivors);
            }
        }
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPartition.OwnerOf(ReminderPartition.BucketCount, Silos));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPartition.OwnerOf(-1, Silos));
        Assert.Throws<InvalidOperationException>(() => ReminderPartition.OwnerOf(0, []));
        Assert.Throws<ArgumentException>(() => ReminderPartition.RangesOf(new bool[10]));
    }
}
