namespace Scheduler.Grains.Common.Retries;

/// <summary>An item of a durable retry queue: its bookkeeping, and whether it still has something to deliver.</summary>
public interface IRetryItem
{
    /// <summary>The attempt bookkeeping.</summary>
    RetryState Retry { get; }

    /// <summary>Whether there is still something to deliver (whatever the time); a given-up item is never tried again either way.</summary>
    bool HasWork { get; }
}
