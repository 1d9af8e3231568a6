namespace Scheduler.Scheduling.Intervals;

/// <summary>
/// A half-open span of time <c>[Start, End)</c> between two UTC <see cref="Instant"/>s.
/// </summary>
/// <remarks>
/// The start is included and the end is excluded, so two intervals that touch
/// (<c>a.End == b.Start</c>) do not overlap. An interval whose start equals its end is empty.
/// </remarks>
public readonly record struct TimeInterval
{
    /// <summary>Creates the interval <c>[start, end)</c>.</summary>
    /// <param name="start">The first instant included (UTC).</param>
    /// <param name="end">The first instant no longer included (UTC); must not be earlier than <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is earlier than <paramref name="start"/>.</exception>
    public TimeInterval(Instant start, Instant end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end {end} is earlier than the start {start}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first instant included in the interval (UTC).</summary>
    public Instant Start { get; }

    /// <summary>The first instant after the interval (UTC, exclusive).</summary>
    public Instant End { get; }

    /// <summary>The length of the interval; never negative.</summary>
    public Duration Duration => End - Start;

    /// <summary><see langword="true"/> when the interval contains no instant (<c>Start == End</c>).</summary>
    public bool IsEmpty => Start == End;

    /// <summary>Whether the two intervals share at least one instant (touching intervals do not).</summary>
    /// <param name="other">The other interval.</param>
    /// <returns><see langword="true"/> when <c>Start &lt; other.End</c> and <c>other.Start &lt; End</c>.</returns>
    public bool Overlaps(TimeInterval other) => Start < other.End && other.Start < End;

    /// <summary>Whether <paramref name="other"/> lies entirely inside this interval.</summary>
    /// <param name="other">The interval to test.</param>
    /// <returns><see langword="true"/> when <c>Start &lt;= other.Start</c> and <c>other.End &lt;= End</c>.</returns>
    public bool Contains(TimeInterval other) => Start <= other.Start && other.End <= End;

    /// <summary>Whether <paramref name="instant"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="instant">The instant to test.</param>
    /// <returns><see langword="true"/> when the instant is inside the half-open interval.</returns>
    public bool Contains(Instant instant) => Start <= instant && instant < End;

    /// <summary>The instants in both intervals.</summary>
    /// <param name="other">The other interval.</param>
    /// <returns><c>[max(starts), min(ends))</c>; an empty interval at the later start when they share no instant.</returns>
    public TimeInterval Intersect(TimeInterval other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return new TimeInterval(start, end > start ? end : start);
    }

    /// <summary>Creates an interval from a start and a length.</summary>
    /// <param name="start">The start (UTC).</param>
    /// <param name="length">The length; must not be negative.</param>
    /// <returns>The interval <c>[start, start + length)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="length"/> is negative.</exception>
    public static TimeInterval FromStart(Instant start, Duration length) => new(start, start + length);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
