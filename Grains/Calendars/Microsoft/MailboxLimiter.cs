using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Keeps at most <see cref="MicrosoftOptions.MaxConcurrentPerMailbox"/> Graph requests in flight per
/// mailbox in this process (Outlook's service limit: 4 concurrent requests per app per mailbox,
/// beyond which Graph answers 429 <c>ApplicationThrottled</c>). Mailboxes compare case-insensitively.
/// A slot is held for one HTTP attempt, never during a retry delay.
/// </summary>
/// <param name="options">Settings (the limit, clamped to 1–4).</param>
public sealed class MailboxLimiter(IOptions<MicrosoftOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot of a mailbox.</summary>
    /// <param name="mailbox">The mailbox (SMTP address or user id).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The slot; dispose it to free it.</returns>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        var gate = _gates.GetOrAdd(mailbox, _ =>
        {
            var limit = Math.Clamp(options.Value.MaxConcurrentPerMailbox, 1, 4);
            return new SemaphoreSlim(limit, limit);
        });
        await gate.WaitAsync(cancellationToken);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
