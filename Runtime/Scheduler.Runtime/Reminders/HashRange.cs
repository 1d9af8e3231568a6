namespace Scheduler.Runtime.Reminders;

/// <summary>Ring-range arithmetic over 32-bit grain hashes.</summary>
public static class HashRange
{
    /// <summary>Whether <paramref name="hash"/> lies in the ring range (<paramref name="begin"/>, <paramref name="end"/>]; equal bounds mean the whole ring.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="begin">Exclusive start.</param>
    /// <param name="end">Inclusive end.</param>
    /// <returns>Whether the hash is in range.</returns>
    public static bool Contains(uint hash, uint begin, uint end) =>
        begin == end || (begin < end ? hash > begin && hash <= end : hash > begin || hash <= end);
}
