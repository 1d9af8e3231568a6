using System.Threading.RateLimiting;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Keeps at most <see cref="MicrosoftOptions.MaxConcurrentPerMailbox"/> Graph requests in flight per
/// mailbox in this process (Outlook's service limit: 4 concurrent requests per app per mailbox,
/// beyond which Graph answers 429 <c>ApplicationThrottled</c>). Mailboxes compare case-insensitively.
/// A slot is held for one HTTP attempt, never during a retry delay. One concurrency limiter per mailbox
/// (<see cref="PartitionedRateLimiter"/>, System.Threading.RateLimiting), waiters served oldest first;
/// the limiter of a mailbox that has been idle for a while is dropped, so the set does not grow with every
/// mailbox ever used.
/// </summary>
public sealed class MailboxLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Creates the limiter.</summary>
    /// <param name="options">Settings: <see cref="MicrosoftOptions.MaxConcurrentPerMailbox"/> (1–4).</param>
    public MailboxLimiter(IOptions<MicrosoftOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = Math.Clamp(options.Value.MaxConcurrentPerMailbox, 1, 4);
        _limiter = PartitionedRateLimiter.Create<string, string>(mailbox => RateLimitPartition.GetConcurrencyLimiter(
            mailbox.ToUpperInvariant(),
            _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
    }

    /// <summary>Waits for a slot of a mailbox.</summary>
    /// <param name="mailbox">The mailbox (SMTP address or user id).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The slot; dispose it to free it.</returns>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        var lease = await _limiter.AcquireAsync(mailbox, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded, so only a disposed limiter (the host stopping) refuses.
            lease.Dispose();
            throw new OperationCanceledException($"No Graph request slot for mailbox {mailbox}: the limiter is shutting down.");
        }

        return lease;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
