namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// Reminder partitions: bucket = the top <c>bits</c> bits of the grain's 32-bit uniform hash, so
/// a contiguous hash range maps to a contiguous run of buckets.
/// </summary>
public static class ReminderBuckets
{
    /// <summary>The default number of bucket bits (256 buckets).</summary>
    public const int DefaultBits = 8;

    /// <summary>The smallest allowed number of bucket bits.</summary>
    public const int MinBits = 1;

    /// <summary>The largest allowed number of bucket bits.</summary>
    public const int MaxBits = 16;

    /// <summary>The bucket of a grain hash.</summary>
    /// <param name="hash">The grain's <see cref="GrainId.GetUniformHashCode"/>.</param>
    /// <param name="bits">Bucket bits, <see cref="MinBits"/>–<see cref="MaxBits"/>.</param>
    /// <returns>The bucket, 0 to 2^bits − 1.</returns>
    public static uint Of(uint hash, int bits) => hash >> (32 - bits);

    /// <summary>The buckets that hold hashes of the ring range (<paramref name="begin"/>, <paramref name="end"/>] (equal bounds: the whole ring).</summary>
    /// <param name="begin">Exclusive start.</param>
    /// <param name="end">Inclusive end; not greater than <paramref name="begin"/> wraps around.</param>
    /// <param name="bits">Bucket bits, <see cref="MinBits"/>–<see cref="MaxBits"/>.</param>
    /// <returns>The buckets, ascending, without duplicates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is out of range.</exception>
    public static IReadOnlyList<uint> Overlapping(uint begin, uint end, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, MinBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, MaxBits);
        var last = Of(uint.MaxValue, bits);
        var buckets = new SortedSet<uint>();
        if (begin == end)
        {
            AddRun(buckets, 0, last);
        }
        else if (begin < end)
        {
            AddRun(buckets, Of(begin + 1, bits), Of(end, bits));
        }
        else
        {
            if (begin < uint.MaxValue)
            {
                AddRun(buckets, Of(begin + 1, bits), last);
            }

            AddRun(buckets, 0, Of(end, bits));
        }

        return [.. buckets];
    }

    private static void AddRun(SortedSet<uint> buckets, uint from, uint to)
    {
        for (var bucket = from; bucket <= to; bucket++)
        {
            buckets.Add(bucket);
        }
    }
}
