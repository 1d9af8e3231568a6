namespace Scheduler.Grains.Notifications.Slack.Inbox;

/// <summary>The durable state of a <see cref="SlackInboxGrain"/> (JSON), state name <c>inbox</c>.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.SlackInboxState")]
public sealed class SlackInboxState
{
    /// <summary>The stored interactions, oldest first.</summary>
    [Id(0)]
    public List<SlackInboxEntry> Entries { get; set; } = [];
}
