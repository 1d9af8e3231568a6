namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>The durable state of a notification outbox grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.OutboxState")]
public sealed class OutboxState
{
    /// <summary>Every message ever enqueued, in enqueue order.</summary>
    [Id(0)]
    public List<OutboxEntry> Entries { get; set; } = [];
}
