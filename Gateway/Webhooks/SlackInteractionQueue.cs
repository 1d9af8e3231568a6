using System.Threading.Channels;

namespace Scheduler.Gateway.Webhooks;

/// <summary>The bounded in-memory queue between the <c>/webhooks/slack</c> acknowledgement and <see cref="SlackInteractionProcessor"/>.</summary>
public sealed class SlackInteractionQueue
{
    /// <summary>How many interactions may wait; beyond that the endpoint answers 503 instead of accepting.</summary>
    public const int Capacity = 1024;

    private readonly Channel<SlackInteraction> _channel = Channel.CreateBounded<SlackInteraction>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues an interaction without waiting.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>Whether it was queued (false when the queue is full).</returns>
    public bool TryEnqueue(SlackInteraction interaction) => _channel.Writer.TryWrite(interaction);

    /// <summary>Reads the queued interactions until cancelled.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The interactions in arrival order.</returns>
    public IAsyncEnumerable<SlackInteraction> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
