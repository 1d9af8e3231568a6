namespace Scheduler.Grains.Common.Retries;

/// <summary>
/// How long a failed item waits before its next attempt, and when it is given up: the wait after attempt
/// <c>n</c> is <see cref="BaseDelay"/> × 2^(n−1), capped at <see cref="MaxDelay"/>, then spread by ±<see cref="Jitter"/>;
/// an item is given up at a permanent failure or when <see cref="MaxAttempts"/> attempts have failed.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>A <see cref="MaxAttempts"/> that never gives up.</summary>
    public const int Unlimited = int.MaxValue;

    /// <summary>Creates the policy.</summary>
    /// <param name="baseDelay">The wait after the first attempt; more than zero.</param>
    /// <param name="maxDelay">The longest wait before jitter; at least <paramref name="baseDelay"/>.</param>
    /// <param name="maxAttempts">Attempts before an item is given up: 1 or more, <see cref="Unlimited"/> for never.</param>
    /// <param name="jitter">The spread of each wait as a fraction, from 0 (none) up to but excluding 1; 0.2 is ±20 %.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, int maxAttempts, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (jitter is not (>= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be at least 0 and less than 1.");
        }

        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
        Jitter = jitter;
    }

    /// <summary>The wait after the first attempt.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The longest wait before jitter.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>Attempts before an item is given up (<see cref="Unlimited"/>: never).</summary>
    public int MaxAttempts { get; }

    /// <summary>The spread of each wait, as a fraction of it (0 to less than 1).</summary>
    public double Jitter { get; }

    /// <summary>The wait after an attempt, before the next one.</summary>
    /// <param name="attempts">The attempts made so far, counting the one that has just started (1 or more).</param>
    /// <param name="draw">A random number from 0 to 1 that places the wait within the jitter (0.5: no spread).</param>
    /// <returns>A positive wait.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is below 1 or <paramref name="draw"/> is outside 0–1.</exception>
    public TimeSpan DelayAfter(int attempts, double draw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (draw is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(draw), draw, "The draw must be from 0 to 1.");
        }

        var ticks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 40)));
        return TimeSpan.FromTicks((long)(ticks * (1 - Jitter + (2 * Jitter * draw))));
    }

    /// <summary>Whether a failed attempt ends the item.</summary>
    /// <param name="attempts">The attempts made so far, counting the failed one.</param>
    /// <param name="permanent">Whether the failure can never turn into a success by trying again.</param>
    /// <returns><see langword="true"/> to give up.</returns>
    public bool GivesUp(int attempts, bool permanent) => permanent || attempts >= MaxAttempts;
}
