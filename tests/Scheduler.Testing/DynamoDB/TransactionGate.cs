namespace Scheduler.Testing.DynamoDB;

/// <summary>
/// An asynchronous readers-writer gate: any number of shared holders at once, or one exclusive holder alone. A waiting
/// exclusive holder blocks new shared holders (a turnstile), so a steady stream of shared holders never starves it.
/// </summary>
internal sealed class TransactionGate
{
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly SemaphoreSlim _exclusive = new(1, 1);
    private readonly SemaphoreSlim _sharedCount = new(1, 1);
    private int _shared;

    /// <summary>Waits until no exclusive holder holds or waits, then holds the gate shared.</summary>
    /// <returns>A task that completes once held; release with <see cref="ExitSharedAsync"/>.</returns>
    public async Task EnterSharedAsync()
    {
        await _turnstile.WaitAsync().ConfigureAwait(false);
        _turnstile.Release();
        await _sharedCount.WaitAsync().ConfigureAwait(false);
        try
        {
            if (++_shared == 1)
            {
                await _exclusive.WaitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _sharedCount.Release();
        }
    }

    /// <summary>Releases a shared hold.</summary>
    /// <returns>A task that completes once released.</returns>
    public async Task ExitSharedAsync()
    {
        await _sharedCount.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--_shared == 0)
            {
                _exclusive.Release();
            }
        }
        finally
        {
            _sharedCount.Release();
        }
    }

    /// <summary>Waits until no one holds the gate, then holds it alone.</summary>
    /// <returns>A task that completes once held; release with <see cref="ExitExclusive"/>.</returns>
    public async Task EnterExclusiveAsync()
    {
        await _turnstile.WaitAsync().ConfigureAwait(false);
        try
        {
            await _exclusive.WaitAsync().ConfigureAwait(false);
        }
        finally
        {
            _turnstile.Release();
        }
    }

    /// <summary>Releases the exclusive hold.</summary>
    public void ExitExclusive() => _exclusive.Release();
}
