using System.Collections.Concurrent;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// Spaces calls per channel: each call reserves the next free slot of its channel (at least the interval after
/// the previous one) and waits for it on the injected <see cref="TimeProvider"/>. Slack allows about one message
/// per second per channel ("Rate limits", special rate limits of chat.postMessage).
/// </summary>
public sealed class SlackRateGate
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Creates the gate.</summary>
    /// <param name="time">The clock the waits use.</param>
    /// <param name="interval">Minimum spacing per channel; zero or more.</param>
    public SlackRateGate(TimeProvider time, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _time = time;
        _interval = interval;
    }

    /// <summary>Waits until <paramref name="channel"/> may receive the next call, and reserves that slot.</summary>
    /// <param name="channel">The channel (or user) id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes at the reserved slot.</returns>
    public Task WaitAsync(string channel, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var slot = now;
        _next.AddOrUpdate(
            channel,
            _ => now + _interval,
            (_, next) =>
            {
                slot = next > now ? next : now;
                return slot + _interval;
            });
        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Keeps <paramref name="channel"/> closed for <paramref name="delay"/> (after a 429 with <c>Retry-After</c>).</summary>
    /// <param name="channel">The channel id.</param>
    /// <param name="delay">How long; zero or more.</param>
    public void Block(string channel, TimeSpan delay)
    {
        var until = _time.GetUtcNow() + delay;
        _next.AddOrUpdate(channel, until, (_, next) => next > until ? next : until);
    }
}
