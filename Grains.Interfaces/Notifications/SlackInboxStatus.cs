namespace Scheduler.Grains.Notifications;

/// <summary>Where an accepted Slack interaction stands.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.SlackInboxStatus")]
public enum SlackInboxStatus
{
    /// <summary>Stored, not yet handled (or to be retried).</summary>
    Pending,

    /// <summary>Handled; <see cref="SlackInboxItem.Outcome"/> says what it did.</summary>
    Done,

    /// <summary>Given up: permanently invalid, or every attempt failed.</summary>
    Failed,
}
