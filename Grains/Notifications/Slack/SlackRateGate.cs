using System.Collections.Concurrent;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>
/// Spaces calls per channel: each call reserves the next free slot of its channel (at least the interval after
/// the previous one) and waits for it on the injected <see cref="TimeProvider"/>. Slack allows about one message
/// per second per channel ("Rate limits", special rate limits of chat.postMessage).
/// </summary>
public sealed class SlackRateGate
{
    /// <summary>How many channels are remembered before those whose slot has passed are forgotten.</summary>
    private const int PruneAbove = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Creates the gate; the host holds one (a singleton), so every Slack client of the process shares it.</summary>
    /// <param name="time">The clock the waits use.</param>
    /// <param name="options">The settings: <see cref="SlackOptions.ChannelIntervalMilliseconds"/> is the minimum spacing per channel.</param>
    public SlackRateGate(TimeProvider time, IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _interval = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.ChannelIntervalMilliseconds));
    }

    /// <summary>How many channels the gate remembers (at most about <c>1024</c> plus those with a slot still ahead).</summary>
    public int TrackedChannels => _next.Count;

    /// <summary>
    /// Waits until <paramref name="channel"/> may receive the next call, and reserves that slot; a cancelled wait gives
    /// its slot back when no later call reserved one behind it.
    /// </summary>
    /// <param name="channel">The channel (or user) id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes at the reserved slot.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during the wait.</exception>
    public async Task WaitAsync(string channel, CancellationToken cancellationToken)
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
        if (_next.Count > PruneAbove)
        {
            Prune(now);
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _next.TryUpdate(channel, slot, slot + _interval);
            throw;
        }
    }

    /// <summary>Keeps <paramref name="channel"/> closed for <paramref name="delay"/> (after a 429 with <c>Retry-After</c>).</summary>
    /// <param name="channel">The channel id.</param>
    /// <param name="delay">How long; zero or more.</param>
    public void Block(string channel, TimeSpan delay)
    {
        var until = _time.GetUtcNow() + delay;
        _next.AddOrUpdate(channel, until, (_, next) => next > until ? next : until);
    }

    /// <summary>Forgets channels whose next slot has passed: they are free either way, so the map holds only busy channels.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (channel, next) in _next)
        {
            if (next <= now)
            {
                _next.TryRemove(new KeyValuePair<string, DateTimeOffset>(channel, next));
            }
        }
    }
}
