namespace Scheduler.Grains.Notifications;

/// <summary>The durable state of a notification outbox grain (JSON).</summary>
public sealed class OutboxState
{
    /// <summary>Every message ever enqueued, in enqueue order.</summary>
    public List<OutboxEntry> Entries { get; set; } = [];
}
