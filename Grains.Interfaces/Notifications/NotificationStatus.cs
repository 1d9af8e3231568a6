namespace Scheduler.Grains.Notifications;

/// <summary>Where a notification of the outbox stands.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.NotificationStatus")]
public enum NotificationStatus
{
    /// <summary>Persisted, not yet delivered; retried with backoff until it is.</summary>
    Pending,

    /// <summary>Accepted by the SMTP server or by Slack.</summary>
    Sent,

    /// <summary>Gave up after the configured number of attempts, or refused permanently (e.g. Slack <c>channel_not_found</c>).</summary>
    Failed,

    /// <summary>Deliberately not sent (e.g. a reminder that fired after the start), recorded for the history.</summary>
    Skipped,
}
