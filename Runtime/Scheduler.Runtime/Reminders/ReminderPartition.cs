using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Reminders;

/// <summary>
/// Which silo serves which reminders. The hash ring of grain hashes
/// (<see cref="GrainId.GetUniformHashCode"/>) is cut into <see cref="BucketCount"/> equal buckets
/// (bucket = the top <see cref="BucketBits"/> bits of the hash, the same cut as the DynamoDB
/// reminder table's default partitions), and each bucket is owned by one active silo chosen by
/// rendezvous hashing of the bucket over the active silos of a membership view. Every silo computes
/// the same answer from the same view; when a silo joins or leaves only the buckets it gains or
/// loses move. A silo reads only its buckets, merged into as few ring ranges as possible.
/// </summary>
public static class ReminderPartition
{
    /// <summary>Bits of the grain hash that name its bucket.</summary>
    public const int BucketBits = 8;

    /// <summary>Number of buckets (2^<see cref="BucketBits"/> = 256).</summary>
    public const int BucketCount = 1 << BucketBits;

    private const int Shift = 32 - BucketBits;

    /// <summary>The bucket of a grain hash.</summary>
    /// <param name="hash">The grain's <see cref="GrainId.GetUniformHashCode"/>.</param>
    /// <returns>The bucket, 0 to <see cref="BucketCount"/> − 1.</returns>
    public static int BucketOf(uint hash) => (int)(hash >> Shift);

    /// <summary>The bucket of a grain.</summary>
    /// <param name="grainId">The grain.</param>
    /// <returns>The bucket, 0 to <see cref="BucketCount"/> − 1.</returns>
    public static int BucketOf(GrainId grainId) => BucketOf(grainId.GetUniformHashCode());

    /// <summary>The silo that serves the reminders of <paramref name="bucket"/>: the active silo with the highest <see cref="StableHash.Combine"/> of the bucket's and the silo's hashes (ties by name).</summary>
    /// <param name="bucket">The bucket, 0 to <see cref="BucketCount"/> − 1.</param>
    /// <param name="activeSilos">The active silos of a membership view; at least one.</param>
    /// <returns>One of <paramref name="activeSilos"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="activeSilos"/> is empty.</exception>
    public static SiloAddress OwnerOf(int bucket, IReadOnlyList<SiloAddress> activeSilos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, BucketCount);
        ArgumentNullException.ThrowIfNull(activeSilos);
        if (activeSilos.Count == 0)
        {
            throw new InvalidOperationException($"No active silo can serve reminder bucket {bucket}.");
        }

        var bucketHash = BucketHash(bucket);
        var best = activeSilos[0];
        var bestWeight = StableHash.Combine(bucketHash, best.GetUniformHashCode());
        for (var i = 1; i < activeSilos.Count; i++)
        {
            var silo = activeSilos[i];
            var weight = StableHash.Combine(bucketHash, silo.GetUniformHashCode());
            if (weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(silo.Name, best.Name) < 0))
            {
                best = silo;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>
    /// The buckets <paramref name="silo"/> serves in a view whose active silos are
    /// <paramref name="activeSilos"/>. With no active silo (a lone silo before it is active, or an
    /// embedded silo) it serves every bucket; when it is not among several active silos, none.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="activeSilos">The active silos of its view.</param>
    /// <returns>A set of <see cref="BucketCount"/> flags, one per bucket.</returns>
    public static bool[] BucketsOf(SiloAddress silo, IReadOnlyList<SiloAddress> activeSilos)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(activeSilos);
        var owned = new bool[BucketCount];
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            owned[bucket] = activeSilos.Count == 0 || OwnerOf(bucket, activeSilos) == silo;
        }

        return owned;
    }

    /// <summary>
    /// Merges buckets into ring ranges: every run of consecutive buckets (bucket
    /// <see cref="BucketCount"/> − 1 is followed by bucket 0) becomes one range; all buckets are
    /// <see cref="ReminderRange.Everything"/>.
    /// </summary>
    /// <param name="buckets">One flag per bucket (<see cref="BucketCount"/> of them).</param>
    /// <returns>The ranges, none overlapping; empty when no flag is set.</returns>
    /// <exception cref="ArgumentException"><paramref name="buckets"/> does not have <see cref="BucketCount"/> flags.</exception>
    public static IReadOnlyList<ReminderRange> RangesOf(IReadOnlyList<bool> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Count != BucketCount)
        {
            throw new ArgumentException($"Expected {BucketCount} bucket flags, got {buckets.Count}.", nameof(buckets));
        }

        var first = -1;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            if (!buckets[bucket])
            {
                first = bucket;
                break;
            }
        }

        if (first < 0)
        {
            return [ReminderRange.Everything];
        }

        // Walk the ring once, starting just after an unowned bucket, so a run across bucket 0 stays whole.
        var ranges = new List<ReminderRange>();
        var runStart = -1;
        for (var step = 1; step <= BucketCount; step++)
        {
            var bucket = (first + step) % BucketCount;
            if (buckets[bucket])
            {
                if (runStart < 0)
                {
                    runStart = bucket;
                }
            }
            else if (runStart >= 0)
            {
                ranges.Add(RangeOf(runStart, (bucket + BucketCount - 1) % BucketCount));
                runStart = -1;
            }
        }

        return ranges;
    }

    /// <summary>The ring range of the buckets <paramref name="from"/> to <paramref name="to"/> (inclusive, going up and wrapping after the last bucket).</summary>
    /// <param name="from">The first bucket.</param>
    /// <param name="to">The last bucket.</param>
    /// <returns>The range (start(from) − 1, end(to)].</returns>
    private static ReminderRange RangeOf(int from, int to) =>
        new(unchecked(((uint)from << Shift) - 1), unchecked(((uint)(to + 1) << Shift) - 1));

    private static uint BucketHash(int bucket) => StableHash.Compute("reminder-bucket/" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
