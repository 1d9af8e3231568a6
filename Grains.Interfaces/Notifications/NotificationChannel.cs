namespace Scheduler.Grains.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.NotificationChannel")]
public enum NotificationChannel
{
    /// <summary>Email over SMTP, with a calendar invite for booking changes.</summary>
    Email,

    /// <summary>A Slack message (DM to a user id, or a post to a channel).</summary>
    Slack,
}
