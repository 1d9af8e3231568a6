namespace Scheduler.Grains.Participants.Busy;

/// <summary>The participant's explicit busy blocks (the internal availability store); always fresh.</summary>
/// <param name="time">The clock.</param>
public sealed class BlocksBusySource(TimeProvider time) : IBusySource
{
    /// <summary>The provider name of explicit blocks.</summary>
    public const string ProviderName = "blocks";

    /// <inheritdoc />
    public string Provider => ProviderName;

    /// <inheritdoc />
    public TimeSpan FreshFor => TimeSpan.MaxValue;

    /// <inheritdoc />
    public Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var intervals = context.Blocks
            .Where(b => b.Start < context.Range.End && context.Range.Start < b.End)
            .Select(b => new BusyInterval(b.Start, b.End, BusySourceKind.Block) { Title = b.Title })
            .ToArray();
        return Task.FromResult(new BusyFetch(intervals, time.GetUtcNow()));
    }
}
