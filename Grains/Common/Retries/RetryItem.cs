namespace Scheduler.Grains.Common.Retries;

/// <summary>A value that waits to be delivered, with its bookkeeping; removed from its queue once delivered.</summary>
/// <typeparam name="T">The value, for example a calendar write.</typeparam>
[GenerateSerializer, Alias("Scheduler.Grains.Common.Retries.RetryItem`1")]
public sealed class RetryItem<T> : IRetryItem
{
    /// <summary>What is to be delivered.</summary>
    [Id(0)]
    public required T Value { get; set; }

    /// <inheritdoc />
    [Id(1)]
    public RetryState Retry { get; set; } = new();

    /// <inheritdoc />
    public bool HasWork => true;
}
