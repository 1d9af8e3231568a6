namespace Scheduler.Grains.Notifications;

/// <summary>The durable state of a <see cref="SlackInboxGrain"/> (JSON), state name <c>inbox</c>.</summary>
public sealed class SlackInboxState
{
    /// <summary>The stored interactions, oldest first.</summary>
    public List<SlackInboxEntry> Entries { get; set; } = [];
}
