namespace Scheduler.Grains.Common.Retries;

/// <summary>
/// The one retry loop of the grains' durable queues (the notification outbox, pool offer messages, the Slack inbox,
/// CalDAV and provider calendar writes), on a <see cref="RetryPolicy"/> and a clock: which items are due, when the
/// next one will be, and one attempt with its bookkeeping. An attempt is counted and written before it is made, so a
/// crash in the middle still counts; what "send" means, and its idempotency, stay with each grain.
/// </summary>
/// <remarks>Not thread-safe; meant for the turns of one activation.</remarks>
public sealed class Retrier
{
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Func<double> _draw;

    /// <summary>Creates the retrier.</summary>
    /// <param name="policy">The backoff and give-up rules.</param>
    /// <param name="time">The clock.</param>
    /// <param name="draw">Random numbers from 0 to 1 for the jitter; <see cref="Random.Shared"/> when absent.</param>
    public Retrier(RetryPolicy policy, TimeProvider time, Func<double>? draw = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _policy = policy;
        _time = time;
        _draw = draw ?? Random.Shared.NextDouble;
    }

    /// <summary>Whether an item still waits for an attempt (it has work and is not given up), now or later.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="true"/> while it waits.</returns>
    public static bool Waits(IRetryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.HasWork && item.Retry.GaveUpAt is null;
    }

    /// <summary>The waiting items whose next attempt is due now, in their order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The queue.</param>
    /// <param name="limit">At most this many (1 or more); the rest stay due for the next run.</param>
    /// <returns>A new list, safe to use while the queue changes.</returns>
    public List<T> Due<T>(IEnumerable<T> items, int limit = int.MaxValue)
        where T : IRetryItem
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = _time.GetUtcNow();
        return [.. items.Where(i => Waits(i) && i.Retry.NextAttemptAt <= now).Take(limit)];
    }

    /// <summary>When the queue next needs a run: the earliest next attempt among the waiting items (UTC).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The queue.</param>
    /// <returns>The time, possibly past; <see langword="null"/> when nothing waits.</returns>
    public static DateTimeOffset? NextWakeUp<T>(IEnumerable<T> items)
        where T : IRetryItem =>
        items.Where(i => Waits(i)).Select(i => (DateTimeOffset?)i.Retry.NextAttemptAt).Min();

    /// <summary>
    /// Makes one attempt: counts it and sets the next attempt time, <paramref name="persist"/>s, runs
    /// <paramref name="attempt"/>, and records the outcome (a success clears the last error; a failure records it, and
    /// gives the item up when the policy says so). The caller writes the outcome with its own changes afterwards.
    /// </summary>
    /// <param name="retry">The item's bookkeeping.</param>
    /// <param name="persist">Writes the grain state (the attempt is counted before it is made).</param>
    /// <param name="attempt">The delivery itself; it must be idempotent, since a crash may repeat it.</param>
    /// <param name="isPermanent">Classifies a failure: <see langword="true"/> permanent, <see langword="false"/> worth another attempt, <see langword="null"/> not a delivery failure (rethrown, the attempt stays counted).</param>
    /// <returns><see langword="null"/> when the attempt succeeded, else its failure; <see cref="RetryState.GaveUpAt"/> tells whether it was the last.</returns>
    public async Task<Exception?> AttemptAsync(RetryState retry, Func<Task> persist, Func<Task> attempt, Func<Exception, bool?> isPermanent)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(persist);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(isPermanent);
        retry.Attempts++;
        retry.NextAttemptAt = _time.GetUtcNow() + _policy.DelayAfter(retry.Attempts, _draw());
        await persist();
        try
        {
            await attempt();
            retry.LastError = null;
            return null;
        }
        catch (Exception exception) when (isPermanent(exception) is { } permanent)
        {
            retry.LastError = exception.Message;
            if (_policy.GivesUp(retry.Attempts, permanent))
            {
                retry.GaveUpAt = _time.GetUtcNow();
            }

            return exception;
        }
    }

    /// <summary>
    /// Attempts the due items in queue order (<see cref="Due{T}"/>, each through <see cref="AttemptAsync"/>): after each
    /// attempt <paramref name="settle"/> records the outcome on the item and <paramref name="persist"/> writes it, before
    /// the next item is tried.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The queue; <paramref name="settle"/> may remove items from it.</param>
    /// <param name="persist">Writes the grain state.</param>
    /// <param name="attempt">The delivery of one item; it must be idempotent, since a crash may repeat it.</param>
    /// <param name="isPermanent">Classifies a failure, as for <see cref="AttemptAsync"/>.</param>
    /// <param name="settle">Records an outcome on the item: <see langword="null"/> after a success, else the failure.</param>
    /// <param name="limit">At most this many items (1 or more); the rest stay due for the next run.</param>
    /// <returns>A task that completes when every item taken was attempted and written.</returns>
    public async Task AttemptDueAsync<T>(IEnumerable<T> items, Func<Task> persist, Func<T, Task> attempt, Func<Exception, bool?> isPermanent, Action<T, Exception?> settle, int limit = int.MaxValue)
        where T : IRetryItem
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(settle);
        foreach (var item in Due(items, limit))
        {
            settle(item, await AttemptAsync(item.Retry, persist, () => attempt(item), isPermanent));
            await persist();
        }
    }

    /// <summary>Starts the item afresh (a new step or a newer value): no attempts, due now, no error, not given up.</summary>
    /// <param name="retry">The item's bookkeeping.</param>
    public void Restart(RetryState retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Attempts = 0;
        retry.NextAttemptAt = _time.GetUtcNow();
        retry.LastError = null;
        retry.GaveUpAt = null;
    }
}
