namespace Scheduler.Grains.Common;

/// <summary>A half-open interval of instants <c>[Start, End)</c>.</summary>
/// <param name="Start">The first instant (UTC offset expected, any offset accepted).</param>
/// <param name="End">The instant just after the interval; not earlier than <paramref name="Start"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.TimeRange")]
public sealed record TimeRange([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End)
{
    /// <summary>Whether this interval and <paramref name="other"/> share at least one instant.</summary>
    /// <param name="other">The other interval.</param>
    /// <returns><see langword="true"/> when they overlap (touching ends do not overlap).</returns>
    public bool Overlaps(TimeRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Start < other.End && other.Start < End;
    }
}
