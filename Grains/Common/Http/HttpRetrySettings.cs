namespace Scheduler.Grains.Common.Http;

/// <summary>How a client's resilience handler retries (see <see cref="HttpRetryResilience"/>).</summary>
/// <param name="MaxRetries">Retries after the first attempt; 0 to 10. Zero sends each request once.</param>
/// <param name="BaseDelay">The first backoff delay; it doubles per retry, with jitter. Zero retries at once.</param>
/// <param name="MaxDelay">The longest wait between attempts, from backoff or <c>Retry-After</c>; a longer <c>Retry-After</c> is not waited for: the answer is returned as it is.</param>
/// <param name="AttemptTimeout">The limit of one attempt (connect, send and the response headers); more than zero.</param>
public sealed record HttpRetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout)
{
    /// <summary>The longest a call can take with every attempt and delay: the client's total timeout.</summary>
    public TimeSpan TotalTimeout => (AttemptTimeout * (MaxRetries + 1)) + (MaxDelay * MaxRetries);
}
